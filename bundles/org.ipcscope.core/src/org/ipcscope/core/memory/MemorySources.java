package org.ipcscope.core.memory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

import org.ipcscope.core.IpcObject;

/**
 * The providers asked in turn: the first that handles an object opens it. Used by the OSGi
 * service and, over ServiceLoader, by code that runs without OSGi.
 */
public final class MemorySources implements MemorySourceService {

	private final Collection<? extends MemorySourceProvider> providers;

	/** @param providers live collection; may change while in use (DS adds and removes) */
	public MemorySources(Collection<? extends MemorySourceProvider> providers) {
		this.providers = providers;
	}

	/** @return the providers on the class path, for the command line's fast path and plain tests */
	public static MemorySources fromServiceLoader() {
		List<MemorySourceProvider> found = new ArrayList<>();
		ServiceLoader.load(MemorySourceProvider.class, MemorySourceProvider.class.getClassLoader()).forEach(found::add);
		if (found.isEmpty()) {
			ServiceLoader.load(MemorySourceProvider.class).forEach(found::add);
		}
		return new MemorySources(List.copyOf(found));
	}

	public boolean isEmpty() {
		return providers.isEmpty();
	}

	@Override
	public List<String> namespaces() {
		Set<String> all = new LinkedHashSet<>();
		providers.forEach(p -> all.addAll(p.namespaces()));
		return List.copyOf(all);
	}

	@Override
	public Optional<IpcObject> lookup(String name, String namespace) throws IOException {
		IOException failure = null;
		for (MemorySourceProvider provider : providers) {
			if (namespace != null && !provider.namespaces().contains(namespace)) {
				continue;
			}
			try {
				Optional<IpcObject> found = provider.lookup(name, namespace);
				if (found.isPresent()) {
					return found;
				}
			} catch (IOException e) {
				failure = e;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return Optional.empty();
	}

	@Override
	public boolean canOpen(IpcObject object) {
		return providers.stream().anyMatch(p -> p.canOpen(object));
	}

	@Override
	public MemorySource open(IpcObject object, boolean writable) throws IOException {
		for (MemorySourceProvider provider : providers) {
			if (provider.canOpen(object)) {
				return provider.open(object, writable);
			}
		}
		throw new IOException("No provider opens " + object.kind().label() + " " + object.name()
				+ (providers.isEmpty() ? ": no memory provider is installed" : ""));
	}
}
