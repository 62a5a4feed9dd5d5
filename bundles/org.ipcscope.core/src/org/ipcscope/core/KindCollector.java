package org.ipcscope.core;

import java.util.List;
import java.util.Set;

/**
 * Finds the objects of some kinds for a {@link CollectingProvider}, with what the provider read
 * once per refresh for all its collectors (a process table, a handle snapshot).
 *
 * @param <C> what the collectors share in one refresh
 */
public interface KindCollector<C> {

	Set<IpcKind> kinds();

	/**
	 * @param request  what the refresh asks for, its kinds a non-empty subset of {@link #kinds()}
	 * @param shared   what the provider read for this refresh
	 * @param out      where found objects go
	 * @param problems where sources that could not be read are told
	 */
	void collect(InventoryRequest request, C shared, List<IpcObject> out, List<String> problems);
}
