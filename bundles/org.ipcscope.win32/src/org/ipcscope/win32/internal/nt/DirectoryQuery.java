package org.ipcscope.win32.internal.nt;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;

/**
 * One NtQueryDirectoryObject call on an open directory. A seam of its own so that the bulk
 * loop, which only real Windows exercises, can be tested against a simulated kernel.
 */
@FunctionalInterface
interface DirectoryQuery {

	/** @return the NTSTATUS of the call */
	int query(Memory buffer, boolean returnSingleEntry, boolean restartScan, IntByReference context,
			IntByReference returnLength);
}
