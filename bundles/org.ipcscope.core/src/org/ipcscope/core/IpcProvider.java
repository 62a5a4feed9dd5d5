package org.ipcscope.core;

import java.util.Set;

/**
 * Finds IPC objects of some kinds on the running system. Implementations are Declarative
 * Services components in the OS bundles; they must not throw for partial failures but report
 * them in the {@link ProviderResult}.
 */
public interface IpcProvider {

	/** @return the kinds this provider lists */
	Set<IpcKind> kinds();

	/**
	 * Lists the objects present now. Has no side effects on the objects.
	 *
	 * @return what was found and what could not be read
	 */
	ProviderResult list();

	/**
	 * Lists the objects of the wanted kinds present now. Providers that can skip work for kinds
	 * nobody asked for override this.
	 *
	 * @param wanted a non-empty subset of {@link #kinds()}
	 */
	default ProviderResult list(Set<IpcKind> wanted) {
		return list();
	}
}
