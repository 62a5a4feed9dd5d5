package org.ipcscope.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A provider made of one collector per mechanism that share what is expensive to read (all
 * processes' descriptors, the system handle table) once per refresh.
 *
 * @param <C> what the collectors share in one refresh
 */
public abstract class CollectingProvider<C> implements IpcProvider {

	private final List<? extends KindCollector<? super C>> collectors;

	protected CollectingProvider(List<? extends KindCollector<? super C>> collectors) {
		this.collectors = List.copyOf(collectors);
	}

	@Override
	public final Set<IpcKind> kinds() {
		Set<IpcKind> kinds = EnumSet.noneOf(IpcKind.class);
		collectors.forEach(c -> kinds.addAll(c.kinds()));
		return kinds;
	}

	/** Runs the collectors of the wanted kinds, each asked only for its own kinds among them. */
	protected final void collect(InventoryRequest request, C shared, List<IpcObject> out, List<String> problems) {
		for (KindCollector<? super C> collector : collectors) {
			InventoryRequest asked = share(request, collector);
			if (asked != null) {
				collector.collect(asked, shared, out, problems);
			}
		}
	}

	/** @return the request narrowed to the collector's kinds, {@code null} when it asks for none of them */
	protected static InventoryRequest share(InventoryRequest request, KindCollector<?> collector) {
		Set<IpcKind> asked = EnumSet.copyOf(collector.kinds());
		if (!request.kinds().isEmpty()) {
			asked.retainAll(request.kinds());
		}
		return asked.isEmpty() ? null : request.withKinds(asked);
	}
}
