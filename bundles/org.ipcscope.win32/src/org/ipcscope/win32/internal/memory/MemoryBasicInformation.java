package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One run of pages with the same attributes, as VirtualQueryEx reports it. x64 layout, 48 bytes:
 * {PVOID BaseAddress@0, PVOID AllocationBase@8, DWORD AllocationProtect@16, WORD PartitionId@20,
 * SIZE_T RegionSize@24, DWORD State@32, DWORD Protect@36, DWORD Type@40}.
 *
 * @param state   MEM_COMMIT, MEM_RESERVE or MEM_FREE
 * @param protect PAGE_* flags of committed pages, 0 otherwise
 * @param type    MEM_PRIVATE, MEM_MAPPED or MEM_IMAGE; 0 for free pages
 */
record MemoryBasicInformation(long baseAddress, long allocationBase, int allocationProtect, long regionSize,
		int state, int protect, int type) {

	static final int SIZE = 48;

	static final int MEM_COMMIT = 0x1000;
	static final int MEM_RESERVE = 0x2000;
	static final int MEM_FREE = 0x10000;
	static final int MEM_PRIVATE = 0x20000;
	static final int MEM_MAPPED = 0x40000;
	static final int MEM_IMAGE = 0x1000000;

	static MemoryBasicInformation decode(ByteBuffer buffer) {
		ByteBuffer info = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (info.limit() < SIZE) {
			throw new IllegalArgumentException("MEMORY_BASIC_INFORMATION needs " + SIZE + " bytes, got " + info.limit());
		}
		return new MemoryBasicInformation(info.getLong(0), info.getLong(8), info.getInt(16), info.getLong(24),
				info.getInt(32), info.getInt(36), info.getInt(40));
	}

	long end() {
		return baseAddress + regionSize;
	}

	boolean isFree() {
		return state == MEM_FREE;
	}

	/** Committed, and neither no-access nor a guard page (touching one would clear its guard). */
	boolean isReadable() {
		return state == MEM_COMMIT && PageProtection.isReadable(protect);
	}
}
