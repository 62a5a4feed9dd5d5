package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The ring's reader on buffers laid out as copydata_hook.c writes them (its record() and
 * publish(), step by step), including what the real DLL rarely shows: payload wrap-around and
 * a message still being handled.
 */
class CopyDataRingTest {

	private static final int SLOTS = 4;
	private static final int CAP = 24;

	/** What the DLL does for one message; returns the slot's offset, or -1 for a drop. */
	private static int record(ByteBuffer ring, long dwData, byte[] bytes, long time) {
		long size = ring.getLong(CopyDataRing.H_DATA_SIZE);
		long write = ring.getLong(CopyDataRing.H_WRITE);
		long head = ring.getLong(CopyDataRing.H_HEAD);
		int stored = Math.min(bytes.length, ring.getInt(CopyDataRing.H_CAP));
		long need = CopyDataRing.align(stored);
		long position = head % size;
		long skip = position + need > size ? size - position : 0;
		if (write - ring.getLong(CopyDataRing.H_READ) >= SLOTS
				|| head + skip + need - ring.getLong(CopyDataRing.H_TAIL) > size) {
			ring.putLong(CopyDataRing.H_DROPPED, ring.getLong(CopyDataRing.H_DROPPED) + 1);
			return -1;
		}
		long start = head + skip;
		int slot = CopyDataRing.SLOTS_OFFSET + (int) (write % SLOTS) * CopyDataRing.SLOT_SIZE;
		ring.put(CopyDataRing.SLOTS_OFFSET + SLOTS * CopyDataRing.SLOT_SIZE + (int) (start % size), bytes, 0, stored);
		ring.putLong(slot + CopyDataRing.S_TIME, time);
		ring.putLong(slot + CopyDataRing.S_WPARAM, 0x1234);
		ring.putLong(slot + CopyDataRing.S_DWDATA, dwData);
		ring.putLong(slot + CopyDataRing.S_CBDATA, bytes.length);
		ring.putLong(slot + CopyDataRing.S_SENDER_PID, 77);
		ring.putLong(slot + CopyDataRing.S_DATA_START, start);
		ring.putLong(slot + CopyDataRing.S_DATA_END, start + need);
		ring.putInt(slot + CopyDataRing.S_STORED, stored);
		ring.putLong(CopyDataRing.H_HEAD, start + need);
		ring.putLong(CopyDataRing.H_WRITE, write + 1);
		return slot;
	}

	private static void publish(ByteBuffer ring, int slot, long result, long sequence) {
		ring.putLong(slot + CopyDataRing.S_RESULT, result);
		ring.putInt(slot + CopyDataRing.S_FLAGS, CopyDataRing.FLAG_RESULT);
		ring.putLong(slot + CopyDataRing.S_SEQUENCE, sequence);
	}

	private static ByteBuffer newRing() {
		ByteBuffer buffer = ByteBuffer.allocateDirect((int) CopyDataRing.sectionSize(SLOTS, CAP)).order(ByteOrder.LITTLE_ENDIAN);
		CopyDataRing.create(buffer, SLOTS, CAP);
		return buffer;
	}

	private static byte[] bytes(int length, int seed) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (seed + i);
		}
		return bytes;
	}

	@Test
	void sizesFollowTheOptionsWithinTheLimit() {
		assertEquals(SLOTS * 24, CopyDataRing.dataSize(SLOTS, CAP));
		assertEquals(8, CopyDataRing.dataSize(16, 0), "a cap of 0 still has a valid ring");
		assertEquals(64L << 20, CopyDataRing.dataSize(4096, 1 << 20), "the default options stay at 64 MiB");
		assertEquals(100L << 20, CopyDataRing.dataSize(2, 100 << 20), "one payload always fits");
		assertEquals(128 + 8192 + 4096 * 96 + (64L << 20), CopyDataRing.sectionSize(4096, 1 << 20));
	}

	@Test
	void readsPublishedMessagesInOrderAcrossThePayloadWrap() {
		ByteBuffer buffer = newRing();
		CopyDataRing ring = CopyDataRing.open(buffer);
		List<CopyDataRing.Entry> read = new ArrayList<>();
		long sequence = 0;
		// 20 messages of 20 bytes (24 with padding) through 96 bytes of payload ring: wraps many times
		for (int m = 0; m < 20; m++) {
			int slot = record(buffer, m, bytes(20, m), 1000 + m);
			publish(buffer, slot, m * 10, ++sequence);
			assertEquals(1, ring.poll(read::add));
		}
		assertEquals(20, read.size());
		for (int m = 0; m < 20; m++) {
			CopyDataRing.Entry entry = read.get(m);
			assertEquals(m, entry.index());
			assertEquals(m, entry.dwData());
			assertEquals(1000 + m, entry.counterMicros());
			assertEquals(m * 10, entry.result());
			assertEquals(77, entry.senderPid());
			assertArrayEquals(bytes(20, m), entry.payload());
		}
		assertEquals(0, ring.dropped());
	}

	@Test
	void aPayloadThatWouldCrossTheEndStartsAtTheBeginning() {
		ByteBuffer buffer = newRing();
		CopyDataRing ring = CopyDataRing.open(buffer);
		List<CopyDataRing.Entry> read = new ArrayList<>();
		for (int m = 1; m <= 5; m++) {
			publish(buffer, record(buffer, m, bytes(16, m), 0), 0, m);
			ring.poll(read::add);
		}
		// head at 80 of 96: 24 bytes do not fit before the end, so they start at 96 (offset 0)
		int slot = record(buffer, 6, bytes(40, 6), 0);
		assertEquals(96, buffer.getLong(slot + CopyDataRing.S_DATA_START));
		assertEquals(120, buffer.getLong(slot + CopyDataRing.S_DATA_END));
		publish(buffer, slot, 0, 6);
		assertEquals(1, ring.poll(read::add));
		assertArrayEquals(bytes(24, 6), read.get(5).payload(), "cut to the cap, read from the ring's start");
		assertEquals(40, read.get(5).cbData(), "cbData keeps the full size");
		assertEquals(120, buffer.getLong(CopyDataRing.H_TAIL), "the skipped end was freed with it");
	}

	@Test
	void stopsAtAMessageTheTargetIsStillHandling() {
		ByteBuffer buffer = newRing();
		CopyDataRing ring = CopyDataRing.open(buffer);
		List<CopyDataRing.Entry> read = new ArrayList<>();
		int outer = record(buffer, 1, bytes(4, 1), 0);
		int nested = record(buffer, 2, bytes(4, 2), 0); // sent to the window while it handles the first
		publish(buffer, nested, 2, 2);
		assertEquals(0, ring.poll(read::add), "the first is not answered yet");
		publish(buffer, outer, 1, 1);
		assertEquals(2, ring.poll(read::add));
		assertEquals(List.of(1L, 2L), read.stream().map(CopyDataRing.Entry::dwData).toList());
	}

	@Test
	void aFullRingCountsDropsUntilTheReaderCatchesUp() {
		ByteBuffer buffer = newRing();
		CopyDataRing ring = CopyDataRing.open(buffer);
		for (int m = 1; m <= 6; m++) {
			int slot = record(buffer, m, bytes(8, m), 0);
			if (slot >= 0) {
				publish(buffer, slot, 0, m);
			}
		}
		assertEquals(2, ring.dropped(), "4 slots, 6 messages");
		List<CopyDataRing.Entry> read = new ArrayList<>();
		assertEquals(4, ring.poll(read::add));
		int slot = record(buffer, 7, bytes(8, 7), 0);
		publish(buffer, slot, 0, 5);
		assertEquals(1, ring.poll(read::add), "room again after the read");
		assertEquals(7, read.get(4).dwData());
	}

	@Test
	void somethingElseIsRefused() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(256);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CopyDataRing.open(buffer));
		assertEquals("not a WM_COPYDATA ring: magic 0x0, version 0", e.getMessage());
	}

	@Test
	void theBitmapHasOneBitPerMessageAsTheDllReadsIt() {
		ByteBuffer buffer = ByteBuffer.allocateDirect((int) CopyDataRing.sectionSize(SLOTS, CAP)).order(ByteOrder.LITTLE_ENDIAN);
		java.util.BitSet record = new java.util.BitSet();
		record.set(0x4A);
		record.set(0xC001);
		record.set(0xFFFF);
		CopyDataRing.create(buffer, SLOTS, CAP, record, true, 0xC123);
		// the DLL: view[128 + m / 8] >> (m % 8) & 1
		for (int m = 0; m < 0x10000; m++) {
			boolean set = (buffer.get(CopyDataRing.HEADER_SIZE + m / 8) >> (m % 8) & 1) != 0;
			assertEquals(record.get(m), set, "message 0x" + Integer.toHexString(m));
		}
		assertEquals(CopyDataRing.OPTION_ABOVE, buffer.getInt(CopyDataRing.H_OPTIONS));
		assertEquals(0xC123, buffer.getInt(CopyDataRing.H_CONTROL));
		assertEquals(CopyDataRing.VERSION, buffer.getInt(CopyDataRing.H_VERSION));
	}
}
