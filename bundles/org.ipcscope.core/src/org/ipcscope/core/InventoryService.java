package org.ipcscope.core;

import java.util.Set;

/**
 * The OSGi service through which views and the command line ask for an inventory. It uses
 * every {@link IpcProvider} registered at the time of the call.
 */
public interface InventoryService {

	/**
	 * Asks every provider; may take a while and must not be called on the UI thread.
	 *
	 * @param kinds the kinds wanted; empty for all
	 */
	InventorySnapshot refresh(Set<IpcKind> kinds);
}
