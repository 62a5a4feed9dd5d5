package org.ipcscope.ui.process.internal;

import org.ipcscope.core.process.MemoryRegion;

/**
 * One match of a process search.
 *
 * @param region  the region it is in
 * @param address where it starts
 * @param length  the pattern's length
 */
record SearchHit(MemoryRegion region, long address, int length) {

	long offsetInRegion() {
		return address - region.start();
	}
}
