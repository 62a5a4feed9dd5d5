package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The heaps a PEB lists. x64 offsets: {PVOID ProcessHeap@0x30, ULONG NumberOfHeaps@0xE8,
 * ULONG MaximumNumberOfHeaps@0xEC, PVOID* ProcessHeaps@0xF0}; the array holds NumberOfHeaps heap
 * handles, each the address of the heap's first segment. GetProcessHeaps answers this only for
 * the calling process; for another one the PEB is read from its memory.
 *
 * @param processHeap   the default heap (GetProcessHeap), 0 if unset
 * @param numberOfHeaps entries in the ProcessHeaps array
 * @param processHeaps  address of the array in the process, 0 if unset
 */
record PebHeaps(long processHeap, int numberOfHeaps, long processHeaps) {

	/** Bytes of the PEB to read to decode this. */
	static final int SIZE = 0xF8;
	/** Far more than any process has; a larger count means the PEB was misread. */
	static final int MAX_HEAPS = 4096;

	static PebHeaps decode(ByteBuffer buffer) {
		ByteBuffer peb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (peb.limit() < SIZE) {
			throw new IllegalArgumentException("the PEB's heap fields need " + SIZE + " bytes, got " + peb.limit());
		}
		return new PebHeaps(peb.getLong(0x30), peb.getInt(0xE8), peb.getLong(0xF0));
	}

	/** @return whether the ProcessHeaps array can be read */
	boolean hasHeapArray() {
		return processHeaps != 0 && numberOfHeaps > 0 && numberOfHeaps <= MAX_HEAPS;
	}
}
