package org.ipcscope.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a set of providers and merges what they found into one snapshot. Used by the OSGi
 * service and by code that runs without OSGi (command line, plain JUnit under Wine).
 */
public final class Inventory {

	/** By kind, namespace and name; spelt out because a refresh sorts thousands of objects. */
	private static final Comparator<IpcObject> ORDER = (a, b) -> {
		int order = a.kind().compareTo(b.kind());
		if (order == 0) {
			order = a.namespace().compareTo(b.namespace());
		}
		return order != 0 ? order : a.name().compareTo(b.name());
	};

	private Inventory() {
	}

	/**
	 * @param providers the providers to ask
	 * @param kinds     the kinds wanted; empty for all
	 */
	public static InventorySnapshot collect(Collection<? extends IpcProvider> providers, Set<IpcKind> kinds) {
		return collect(providers, InventoryRequest.of(kinds));
	}

	/**
	 * @param providers the providers to ask, each for its share of the request's kinds
	 */
	public static InventorySnapshot collect(Collection<? extends IpcProvider> providers, InventoryRequest request) {
		Instant taken = Instant.now();
		List<IpcObject> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (IpcProvider provider : providers) {
			Set<IpcKind> wanted = EnumSet.noneOf(IpcKind.class);
			wanted.addAll(provider.kinds());
			if (!request.kinds().isEmpty()) {
				wanted.retainAll(request.kinds());
			}
			if (wanted.isEmpty()) {
				continue;
			}
			try {
				ProviderResult result = provider.list(request.withKinds(wanted));
				for (IpcObject object : result.objects()) {
					if (request.wants(object.kind())) {
						objects.add(object);
					}
				}
				problems.addAll(result.problems());
			} catch (RuntimeException e) {
				// A broken provider must not take the others down; its failure is shown as data.
				problems.add(provider.getClass().getSimpleName() + " failed: " + e);
			}
		}
		objects.sort(ORDER);
		return new InventorySnapshot(taken, objects, problems);
	}
}
