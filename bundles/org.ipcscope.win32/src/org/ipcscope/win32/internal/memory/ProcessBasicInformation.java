package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What NtQueryInformationProcess(ProcessBasicInformation) tells. x64 layout, 48 bytes:
 * {NTSTATUS ExitStatus@0, PPEB PebBaseAddress@8, KAFFINITY AffinityMask@16, KPRIORITY BasePriority@24,
 * ULONG_PTR UniqueProcessId@32, ULONG_PTR InheritedFromUniqueProcessId@40}.
 */
record ProcessBasicInformation(long pebBaseAddress, long uniqueProcessId) {

	static final int SIZE = 48;

	static ProcessBasicInformation decode(ByteBuffer buffer) {
		ByteBuffer info = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (info.limit() < SIZE) {
			throw new IllegalArgumentException("PROCESS_BASIC_INFORMATION needs " + SIZE + " bytes, got " + info.limit());
		}
		return new ProcessBasicInformation(info.getLong(8), info.getLong(32));
	}
}
