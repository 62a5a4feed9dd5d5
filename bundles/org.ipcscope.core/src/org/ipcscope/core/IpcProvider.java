package org.ipcscope.core;

import java.util.Set;

/**
 * Finds IPC objects of some kinds on the running system. Implementations are Declarative
 * Services components in the OS bundles; they must not throw for partial failures but report
 * them in the {@link ProviderResult}. They may be asked by several threads at once.
 */
public interface IpcProvider {

	/** @return the kinds this provider lists */
	Set<IpcKind> kinds();

	/**
	 * Lists the objects of the wanted kinds present now. Has no side effects on the objects.
	 *
	 * @param request its kinds a non-empty subset of {@link #kinds()}
	 * @return what was found and what could not be read
	 */
	ProviderResult list(InventoryRequest request);

	/** Lists every kind of this provider, nothing beyond the defaults. */
	default ProviderResult list() {
		return list(InventoryRequest.of(kinds()));
	}

	/**
	 * @param wanted a non-empty subset of {@link #kinds()}
	 */
	default ProviderResult list(Set<IpcKind> wanted) {
		return list(InventoryRequest.of(wanted));
	}
}
