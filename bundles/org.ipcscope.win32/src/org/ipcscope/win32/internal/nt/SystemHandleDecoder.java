package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SYSTEM_HANDLE_INFORMATION_EX, what NtQuerySystemInformation(SystemExtendedHandleInformation,
 * class 64) fills. x64 layout: {ULONG_PTR NumberOfHandles@0, ULONG_PTR Reserved@8}, then from @16
 * one 40-byte SYSTEM_HANDLE_TABLE_ENTRY_INFO_EX per handle: {PVOID Object@0, ULONG_PTR
 * UniqueProcessId@8, ULONG_PTR HandleValue@16, ULONG GrantedAccess@24, USHORT
 * CreatorBackTraceIndex@28, USHORT ObjectTypeIndex@30, ULONG HandleAttributes@32, ULONG Reserved@36}.
 */
final class SystemHandleDecoder {

	static final int HEADER_SIZE = 16;
	static final int ENTRY_SIZE = 40;

	private SystemHandleDecoder() {
	}

	/**
	 * @param buffer the filled buffer; any byte order, read as little endian
	 * @throws IllegalArgumentException if the count claims more entries than the buffer holds
	 */
	static List<SystemHandle> decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < HEADER_SIZE) {
			throw new IllegalArgumentException("SYSTEM_HANDLE_INFORMATION_EX needs " + HEADER_SIZE + " bytes");
		}
		long count = in.getLong(0);
		if (count < 0 || count > (in.limit() - HEADER_SIZE) / ENTRY_SIZE) {
			throw new IllegalArgumentException(count + " handles do not fit in " + in.limit() + " bytes");
		}
		List<SystemHandle> handles = new ArrayList<>((int) count);
		for (int i = 0; i < count; i++) {
			int at = HEADER_SIZE + i * ENTRY_SIZE;
			handles.add(new SystemHandle(in.getLong(at), in.getLong(at + 8), in.getLong(at + 16), in.getInt(at + 24),
					Short.toUnsignedInt(in.getShort(at + 30))));
		}
		return handles;
	}
}
