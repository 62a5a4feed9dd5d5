package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;

import org.ipcscope.core.memory.MemoryRead;
import org.junit.jupiter.api.Test;

class ViewportCacheTest {

	private static MemoryRead read(long offset, int length, int value) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) value);
		return new MemoryRead(offset, bytes, new BitSet());
	}

	@Test
	void givesBackWhatWasReadAndUnreadableForTheRest() {
		ViewportCache cache = new ViewportCache(1 << 20);
		cache.put(read(4000, 200, 7));
		MemoryRead back = cache.get(3990, 220);
		assertFalse(back.isReadable(9));
		assertTrue(back.isReadable(10));
		assertEquals(7, back.bytes()[10]);
		assertTrue(back.isReadable(209));
		assertFalse(back.isReadable(210));
	}

	@Test
	void newerReadsReplaceOlderAndUnreadableBytesAreForgotten() {
		ViewportCache cache = new ViewportCache(1 << 20);
		cache.put(read(0, 100, 1));
		BitSet unreadable = new BitSet();
		unreadable.set(50, 100);
		cache.put(new MemoryRead(0, new byte[100], unreadable));
		MemoryRead back = cache.get(0, 100);
		assertEquals(0, back.bytes()[10]);
		assertFalse(back.isReadable(60));
	}

	@Test
	void staysWithinItsBudgetDroppingTheLeastRecentlyUsed() {
		ViewportCache cache = new ViewportCache(64 * 1024);
		for (long offset = 0; offset < (1L << 30); offset += 1 << 20) {
			cache.put(read(offset, 1024, 3));
		}
		assertTrue(cache.heldBytes() <= 64 * 1024, "held " + cache.heldBytes());
		assertTrue(cache.get((1L << 30) - (1 << 20), 1024).isComplete(), "the latest read is kept");
		assertFalse(cache.get(0, 1024).isReadable(0), "the oldest was dropped");
	}
}
