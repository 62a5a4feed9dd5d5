package org.ipcscope.win32.internal.nt;

import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;

/**
 * Reads every process's handles in one call. The answer is tens of MB on a busy machine, so the
 * buffer is kept and grown across refreshes rather than found again each time.
 */
public final class SystemHandleTable {

	private static final int INITIAL_SIZE = 1 << 20;
	/** 25 million handles; a kernel asking for more is broken, not busy. */
	private static final long MAX_SIZE = 1L << 30;

	private Memory buffer = new Memory(INITIAL_SIZE);

	/** @throws NtStatusException if Windows refuses the query */
	public synchronized List<SystemHandle> read() throws NtStatusException {
		IntByReference needed = new IntByReference();
		while (true) {
			int status = NtDllFunctions.INSTANCE.NtQuerySystemInformation(
					NtDllFunctions.SYSTEM_EXTENDED_HANDLE_INFORMATION, buffer, (int) buffer.size(), needed);
			if (status == NtStatus.INFO_LENGTH_MISMATCH || status == NtStatus.BUFFER_TOO_SMALL) {
				grow(needed.getValue());
				continue;
			}
			if (!NtStatus.isSuccess(status)) {
				throw new NtStatusException("handle table", status);
			}
			return SystemHandleDecoder.decode(buffer.getByteBuffer(0, buffer.size()));
		}
	}

	private void grow(int needed) throws NtStatusException {
		// Handles open between the two calls: ask for room to spare.
		long next = Math.max(buffer.size() * 2, Integer.toUnsignedLong(needed) + (1 << 16));
		if (next > MAX_SIZE) {
			throw new NtStatusException("handle table (over " + MAX_SIZE + " bytes)", NtStatus.BUFFER_TOO_SMALL);
		}
		buffer = new Memory(next);
	}
}
