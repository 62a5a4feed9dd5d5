package org.ipcscope.core.process;

import java.io.IOException;
import java.util.List;

import org.ipcscope.core.memory.MemorySource;

/**
 * Another process's memory: its region map and its bytes. OS bundles register one as a
 * Declarative Services component and in META-INF/services. Reading is read-only unless the
 * user enabled writing.
 */
public interface ProcessMemoryProvider {

	/**
	 * @return every process this user can see, in no particular order; processes that exit while
	 *         they are listed are left out, never an error
	 */
	List<ProcessInfo> processes() throws IOException;

	/**
	 * @throws ProcessAccessException when the process is gone or may not be read, with the reason
	 *                                 fit to show (not the same user, ptrace scope...)
	 */
	List<MemoryRegion> regions(long pid) throws IOException;

	/** Offsets of the source are addresses; unmapped or unreadable pages read as unreadable. */
	MemorySource open(long pid, boolean writable) throws IOException;
}
