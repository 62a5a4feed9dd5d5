package org.ipcscope.core;

import java.util.Set;

/**
 * The OSGi service through which views and the command line ask for an inventory. It uses
 * every {@link IpcProvider} registered at the time of the call. Callers may ask at the same time.
 */
public interface InventoryService {

	/**
	 * Asks every provider; may take a while and must not be called on the UI thread.
	 */
	InventorySnapshot refresh(InventoryRequest request);

	/**
	 * @param kinds the kinds wanted; empty for all
	 */
	default InventorySnapshot refresh(Set<IpcKind> kinds) {
		return refresh(InventoryRequest.of(kinds));
	}
}
