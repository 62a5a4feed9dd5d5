package org.ipcscope.ui.hex.internal;

import java.io.IOException;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessMemoryProvider;

/** Opens one region of a process's memory as a source of its own, through this OS's process provider. */
public final class ProcessRegionSource {

	private ProcessRegionSource() {
	}

	/** Call from a job: the provider may touch the OS. */
	public static MemorySource open(long pid, MemoryRegion region, String name, boolean writable) throws IOException {
		MemorySource whole = MemoryServices.call(ProcessMemoryProvider.class, provider -> provider.open(pid, writable),
				Messages.ProcessServices_None);
		return new MemoryWindow(whole, region.start(), region.size(), name);
	}
}
