package org.ipcscope.ui.process;

import org.ipcscope.core.process.MemoryRegion;

/**
 * Where an address of a process lies: the readable region holding it, or why there is none (no
 * such process, nothing readable there). Found by {@link ProcessViews#findMemoryAt}.
 *
 * @param processName the process's name, empty when it is not known
 * @param region      the readable region holding {@code address}, null when none does
 * @param problem     why there is no region, null when there is one
 */
public record ProcessAddress(long pid, String processName, long address, MemoryRegion region, String problem) {

	/** @return whether a readable region holds the address */
	public boolean found() {
		return region != null;
	}
}
