package org.ipcscope.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.InventoryService;
import org.ipcscope.core.IpcProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Collects the providers that OS bundles register, as they come and go. */
@Component(service = InventoryService.class)
public class InventoryComponent implements InventoryService {

	private final List<IpcProvider> providers = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addProvider(IpcProvider provider) {
		providers.add(provider);
	}

	void removeProvider(IpcProvider provider) {
		providers.remove(provider);
	}

	@Override
	public InventorySnapshot refresh(InventoryRequest request) {
		return Inventory.collect(providers, request);
	}
}
