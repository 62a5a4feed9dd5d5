package org.ipcscope.core.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ipcscope.core.IpcObject;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.MemorySourceProvider;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.memory.MemorySources;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Collects the memory providers that OS bundles register, as they come and go. */
@Component(service = MemorySourceService.class)
public class MemorySourceComponent implements MemorySourceService {

	private final List<MemorySourceProvider> providers = new CopyOnWriteArrayList<>();
	private final MemorySources sources = new MemorySources(providers);

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addProvider(MemorySourceProvider provider) {
		providers.add(provider);
	}

	void removeProvider(MemorySourceProvider provider) {
		providers.remove(provider);
	}

	@Override
	public List<String> namespaces() {
		return sources.namespaces();
	}

	@Override
	public Optional<IpcObject> lookup(String name, String namespace) throws IOException {
		return sources.lookup(name, namespace);
	}

	@Override
	public boolean canOpen(IpcObject object) {
		return sources.canOpen(object);
	}

	@Override
	public MemorySource open(IpcObject object, boolean writable) throws IOException {
		return sources.open(object, writable);
	}
}
