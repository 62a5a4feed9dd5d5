package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Recognises a heap segment by its header, for where the PEB does not list the heaps (Wine 8
 * leaves NumberOfHeaps 0 and Toolhelp's Heap32ListFirst is not implemented). x64: an NT heap
 * segment (HEAP_SEGMENT, also the HEAP itself) has SegmentSignature 0xFFEEFFEE at 0x10, a
 * segment heap (SEGMENT_HEAP, Windows 10+) Signature 0xDDEEDDEE at 0x10; Wine's heap keeps the
 * NT layout.
 */
final class HeapSignature {

	static final int OFFSET = 0x10;
	static final int LENGTH = OFFSET + 4;
	static final int NT_HEAP_SEGMENT = 0xFFEEFFEE;
	static final int SEGMENT_HEAP = 0xDDEEDDEE;

	private HeapSignature() {
	}

	/** @param start the first bytes of an allocation, at least {@link #LENGTH} */
	static boolean isHeap(ByteBuffer start) {
		if (start.limit() < LENGTH) {
			return false;
		}
		int signature = start.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(OFFSET);
		return signature == NT_HEAP_SEGMENT || signature == SEGMENT_HEAP;
	}
}
