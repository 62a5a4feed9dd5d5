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

	@Override
	public final ProviderResult list() {
		return list(kinds());
	}

	/** Runs the collectors of the wanted kinds, each asked only for its own kinds among them. */
	protected final void collect(Set<IpcKind> wanted, C shared, List<IpcObject> out, List<String> problems) {
		for (KindCollector<? super C> collector : collectors) {
			Set<IpcKind> asked = EnumSet.copyOf(collector.kinds());
			asked.retainAll(wanted);
			if (!asked.isEmpty()) {
				collector.collect(asked, shared, out, problems);
			}
		}
	}
}
