package org.ipcscope.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryDiffTest {

	private static final int CHUNK = 16;

	@TempDir
	Path dir;

	@Test
	void findsNextAndPreviousChangeAcrossChunks() throws IOException {
		ByteArraySource before = new ByteArraySource(100);
		ByteArraySource after = new ByteArraySource(100);
		after.data()[3] = 1;
		after.data()[40] = 1;
		after.data()[95] = 1;
		MemoryDiff diff = new MemoryDiff(before, after, CHUNK);
		assertEquals(OptionalLong.of(3), diff.next(0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(40), diff.next(4, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(95), diff.next(41, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.empty(), diff.next(96, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(40), diff.previous(95, 0, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(3), diff.previous(40, 0, ScanMonitor.NONE));
		assertEquals(OptionalLong.empty(), diff.previous(3, 0, ScanMonitor.NONE));
	}

	@Test
	void findsTheWholeRunAroundAChange() throws IOException {
		ByteArraySource before = new ByteArraySource(100);
		ByteArraySource after = new ByteArraySource(100);
		for (int i = 10; i < 40; i++) {
			after.data()[i] = 1;
		}
		after.data()[0] = 1;
		MemoryDiff diff = new MemoryDiff(before, after, CHUNK);
		assertEquals(new DiffRange(10, 30), diff.runAt(25, 0, 100, ScanMonitor.NONE));
		assertEquals(new DiffRange(0, 1), diff.runAt(0, 0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(9), diff.previousSame(39, 0, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(40), diff.nextSame(10, 100, ScanMonitor.NONE));
	}

	@Test
	void listsRangesMergedAndStopsAtTheLimit() throws IOException {
		ByteArraySource before = new ByteArraySource(100);
		ByteArraySource after = new ByteArraySource(100);
		for (int i = 14; i < 20; i++) {
			after.data()[i] = 5; // across the chunk border at 16
		}
		after.data()[50] = 1;
		after.data()[99] = 1;
		MemoryDiff diff = new MemoryDiff(before, after, CHUNK);
		MemoryDiff.Result all = diff.ranges(0, 100, 100, ScanMonitor.NONE);
		assertEquals(List.of(new DiffRange(14, 6), new DiffRange(50, 1), new DiffRange(99, 1)), all.ranges());
		assertFalse(all.truncated());
		MemoryDiff.Result two = diff.ranges(0, 100, 2, ScanMonitor.NONE);
		assertEquals(2, two.ranges().size());
		assertTrue(two.truncated());
	}

	@Test
	void unreadableOnOneSideDiffersOnBothSidesDoesNot() throws IOException {
		ByteArraySource before = new ByteArraySource(64).unreadable(10, 12).unreadable(30, 32);
		ByteArraySource after = new ByteArraySource(64).unreadable(30, 32);
		MemoryDiff diff = new MemoryDiff(before, after, CHUNK);
		assertEquals(List.of(new DiffRange(10, 2)), diff.ranges(0, 64, 10, ScanMonitor.NONE).ranges());
	}

	@Test
	void baselineSnapshotAgainstLiveSource() throws IOException {
		ByteArraySource live = new ByteArraySource(MemorySnapshotTest.counting(5000));
		try (MemorySnapshot baseline = MemorySnapshot.take(live, dir, ScanMonitor.NONE)) {
			live.data()[4321] = 0;
			MemoryDiff diff = new MemoryDiff(baseline, live);
			assertEquals(OptionalLong.of(4321), diff.next(0, live.size(), ScanMonitor.NONE));
			assertEquals(List.of(new DiffRange(4321, 1)), diff.ranges(0, live.size(), 10, ScanMonitor.NONE).ranges());
		}
	}
}
