package org.ipcscope.ui.process.internal;

import java.io.IOException;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.MemoryWindow;
import org.ipcscope.core.process.MemoryRegion;

/** Opens one region of a process's memory as a source of its own, through this OS's process provider. */
final class ProcessRegionSource {

	private ProcessRegionSource() {
	}

	/** Call from a job: the provider may touch the OS. */
	static MemorySource open(long pid, MemoryRegion region, String name, boolean writable) throws IOException {
		MemorySource whole = ProcessProvider.call(provider -> provider.open(pid, writable));
		return new MemoryWindow(whole, region.start(), region.size(), name);
	}
}
