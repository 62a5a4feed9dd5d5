package org.ipcscope.ui.hex.internal;

import java.io.IOException;

import org.eclipse.core.runtime.ServiceCaller;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessMemoryProvider;

/** Opens one region of a process's memory as a source of its own, through this OS's process provider. */
public final class ProcessRegionSource {

	private ProcessRegionSource() {
	}

	/** Call from a job: the provider may touch the OS. */
	public static MemorySource open(long pid, MemoryRegion region, String name, boolean writable) throws IOException {
		MemorySource[] opened = new MemorySource[1];
		IOException[] failure = new IOException[1];
		boolean called = ServiceCaller.callOnce(ProcessRegionSource.class, ProcessMemoryProvider.class, provider -> {
			try {
				opened[0] = provider.open(pid, writable);
			} catch (IOException e) {
				failure[0] = e;
			}
		});
		if (!called) {
			throw new IOException(Messages.ProcessServices_None);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		return new MemoryWindow(opened[0], region.start(), region.size(), name);
	}
}
