package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CLIENT_ID {HANDLE UniqueProcess@0, HANDLE UniqueThread@8}, what NtQueryMutant(MutantOwnerInformation)
 * answers on Windows 10 and later: the thread holding a mutex. Both 0 when nobody holds it.
 */
public record ClientId(long processId, long threadId) {

	public static final int SIZE = 16;

	public static ClientId decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < SIZE) {
			throw new IllegalArgumentException("CLIENT_ID needs " + SIZE + " bytes, got " + in.limit());
		}
		return new ClientId(in.getLong(0), in.getLong(8));
	}

	public boolean isNobody() {
		return processId == 0 && threadId == 0;
	}
}
