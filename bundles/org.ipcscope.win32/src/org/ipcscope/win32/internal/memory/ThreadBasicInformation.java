package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What NtQueryInformationThread(ThreadBasicInformation) tells. x64 layout, 48 bytes:
 * {NTSTATUS ExitStatus@0, PTEB TebBaseAddress@8, CLIENT_ID ClientId@16 {UniqueProcess@16,
 * UniqueThread@24}, KAFFINITY AffinityMask@32, KPRIORITY Priority@40, LONG BasePriority@44}.
 */
record ThreadBasicInformation(long tebBaseAddress, long processId, long threadId) {

	static final int SIZE = 48;

	static ThreadBasicInformation decode(ByteBuffer buffer) {
		ByteBuffer info = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (info.limit() < SIZE) {
			throw new IllegalArgumentException("THREAD_BASIC_INFORMATION needs " + SIZE + " bytes, got " + info.limit());
		}
		return new ThreadBasicInformation(info.getLong(8), info.getLong(16), info.getLong(24));
	}
}
