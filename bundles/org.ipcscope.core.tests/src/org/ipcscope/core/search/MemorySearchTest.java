package org.ipcscope.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;

import org.ipcscope.core.memory.ByteArraySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.junit.jupiter.api.Test;

class MemorySearchTest {

	private static final int CHUNK = 8;

	private static ByteArraySource withText(int size, int... offsets) {
		ByteArraySource source = new ByteArraySource(size);
		for (int offset : offsets) {
			System.arraycopy("ABCD".getBytes(StandardCharsets.US_ASCII), 0, source.data(), offset, 4);
		}
		return source;
	}

	@Test
	void forwardFindsMatchesAcrossChunkBorders() throws IOException {
		ByteArraySource source = withText(100, 6, 30, 96);
		MemorySearch search = new MemorySearch(source, BytePattern.text("ABCD", StandardCharsets.US_ASCII), CHUNK);
		assertEquals(OptionalLong.of(6), search.forward(0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(30), search.forward(7, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(96), search.forward(31, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.empty(), search.forward(97, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.empty(), search.forward(31, 99, ScanMonitor.NONE), "a match must end by the end");
	}

	@Test
	void backwardFindsTheLastMatchBeforeAnOffset() throws IOException {
		ByteArraySource source = withText(100, 0, 6, 30, 96);
		MemorySearch search = new MemorySearch(source, BytePattern.text("ABCD", StandardCharsets.US_ASCII), CHUNK);
		assertEquals(OptionalLong.of(96), search.backward(100, 0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(30), search.backward(96, 0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(6), search.backward(30, 0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(0), search.backward(6, 0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.empty(), search.backward(0, 0, 100, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(6), search.backward(29, 0, 100, ScanMonitor.NONE),
				"a match overlapping the start offset counts if it starts before it");
	}

	@Test
	void wildcardsAndEveryMatchInOrder() throws IOException {
		ByteArraySource source = new ByteArraySource(64);
		source.data()[10] = 0x11;
		source.data()[12] = 0x22;
		source.data()[40] = 0x11;
		source.data()[41] = 0x7F;
		source.data()[42] = 0x22;
		MemorySearch search = new MemorySearch(source, BytePattern.hex("11 ?? 22"), CHUNK);
		List<Long> hits = new ArrayList<>();
		search.all(0, 64, ScanMonitor.NONE, hits::add);
		assertEquals(List.of(10L, 40L), hits);
	}

	@Test
	void neverMatchesUnreadableBytes() throws IOException {
		ByteArraySource source = withText(64, 8, 40).unreadable(9, 10);
		MemorySearch search = new MemorySearch(source, BytePattern.hex("41 ?? 43"), CHUNK);
		assertEquals(OptionalLong.of(40), search.forward(0, 64, ScanMonitor.NONE));
		assertEquals(OptionalLong.of(40), search.backward(64, 0, 64, ScanMonitor.NONE));
		assertEquals(OptionalLong.empty(), search.backward(40, 0, 64, ScanMonitor.NONE));
	}

	@Test
	void utf16leText() throws IOException {
		ByteArraySource source = new ByteArraySource(64);
		byte[] text = "Hi!".getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(text, 0, source.data(), 21, text.length);
		assertEquals(OptionalLong.of(21),
				new MemorySearch(source, BytePattern.utf16le("Hi!"), CHUNK).forward(0, 64, ScanMonitor.NONE));
	}

	@Test
	void readsInChunksNotTheWholeRegion() throws IOException {
		ByteArraySource source = withText(10_000, 9_000);
		new MemorySearch(source, BytePattern.text("ABCD", StandardCharsets.US_ASCII), 1024).forward(0, 10_000,
				ScanMonitor.NONE);
		assertEquals(10, source.reads(), "9 chunks up to the match, and one read ahead");
	}

	@Test
	void cancelStopsTheScan() {
		ByteArraySource source = new ByteArraySource(1000);
		MemorySearch search = new MemorySearch(source, BytePattern.hex("01"), CHUNK);
		assertThrows(CancellationException.class, () -> search.forward(0, 1000, () -> true));
	}

	@Test
	void aSourceGoingAwayEndsTheSearchSayingWhereAndKeepsTheMatchesFound() {
		ByteArraySource source = withText(100, 6, 30, 96);
		MemorySearch search = new MemorySearch(source, BytePattern.text("ABCD", StandardCharsets.US_ASCII), CHUNK);
		List<Long> hits = new ArrayList<>();
		ScanMonitor goneAfter40 = ScanMonitor.progress(scanned -> {
			if (scanned >= 40) {
				source.setGone();
			}
		});
		GoneDuringSearchException gone = assertThrows(GoneDuringSearchException.class,
				() -> search.all(0, 100, goneAfter40, hits::add));
		assertEquals(List.of(6L, 30L), hits);
		// the chunk after the 40th byte may have been read ahead before the source went
		assertTrue(gone.address() == 40 || gone.address() == 48, "stopped at " + gone.address());
		assertEquals("array gone during the search at 0x" + Long.toHexString(gone.address())
				+ "; the results so far are kept", gone.getMessage());
	}

	@Test
	void patternLongerThanTheRegionFindsNothing() throws IOException {
		ByteArraySource source = new ByteArraySource(3);
		MemorySearch search = new MemorySearch(source, BytePattern.hex("00 00 00 00"), CHUNK);
		assertEquals(OptionalLong.empty(), search.forward(0, 3, ScanMonitor.NONE));
		assertEquals(OptionalLong.empty(), search.backward(3, 0, 3, ScanMonitor.NONE));
	}

	@Test
	void splitBetweenWorkersFindsAMatchAcrossTheirBorderOnceAndAllInAscendingOrder() throws IOException {
		int chunk = 64;
		int size = 2 * MemorySearch.MIN_PART_CHUNKS * chunk; // two workers' parts of 256 bytes; the match at border - 2 spans them
		int border = size / 2;
		ByteArraySource source = withText(size, 3, border - 2, border + 2, size - 4).concurrent();
		MemorySearch search = new MemorySearch(source, BytePattern.text("ABCD", StandardCharsets.US_ASCII), chunk, 2);
		List<Long> hits = new ArrayList<>();
		assertTrue(search.all(0, size, ScanMonitor.NONE, hits::add));
		assertEquals(List.of(3L, (long) border - 2, (long) border + 2, (long) size - 4), hits);
	}

	@Test
	void aWorkerHoldingTooManyMatchesLeavesTheRestToTheCallerInOrder() throws IOException {
		int size = 4 * MemorySearch.HELD_MATCHES;
		ByteArraySource source = new ByteArraySource(size).concurrent();
		MemorySearch search = new MemorySearch(source, BytePattern.hex("00 00"), 1024, 2);
		long[] next = { 0 };
		long[] progress = { 0 };
		ScanMonitor monitor = ScanMonitor.progress(scanned -> progress[0] = scanned);
		assertTrue(search.all(0, size, monitor, at -> {
			assertEquals(next[0]++, at, "ascending, none skipped, none twice");
			return true;
		}));
		assertEquals(size - 1, next[0]);
		// the chunk a worker paused in is counted as far as the caller rescans it
		assertTrue(progress[0] > size - 2 * 1024 && progress[0] < size, "progress " + progress[0]);
	}

	@Test
	void aSourceGoingAwayInASecondWorkersPartKeepsTheMatchesBefore() {
		int chunk = 64;
		int size = 2 * MemorySearch.MIN_PART_CHUNKS * chunk;
		ByteArraySource source = withText(size, 3, size / 2 + 10).concurrent();
		MemorySearch search = new MemorySearch(source, BytePattern.text("ABCD", StandardCharsets.US_ASCII), chunk, 2);
		List<Long> hits = new ArrayList<>();
		ScanMonitor goneAtTheEnd = ScanMonitor.progress(scanned -> {
			if (scanned >= size / 2) {
				source.setGone();
			}
		});
		GoneDuringSearchException gone = assertThrows(GoneDuringSearchException.class,
				() -> search.all(0, size, goneAtTheEnd, hits::add));
		assertTrue(hits.stream().allMatch(at -> at < gone.address()), hits + " before " + gone.address());
		assertTrue(hits.contains(3L) || gone.address() <= 3, hits.toString());
	}

	@Test
	void stoppingAtAMatchStopsEveryWorker() throws IOException {
		int size = 1 << 16;
		ByteArraySource source = new ByteArraySource(size).concurrent();
		MemorySearch search = new MemorySearch(source, BytePattern.hex("00"), 64, 2);
		List<Long> hits = new ArrayList<>();
		assertFalse(search.all(0, size, ScanMonitor.NONE, at -> hits.add(at) && hits.size() < 10));
		assertEquals(10, hits.size());
		assertEquals(9L, hits.get(9));
	}

	@Test
	void cancelStopsASplitSearch() {
		ByteArraySource source = new ByteArraySource(1 << 16).concurrent();
		MemorySearch search = new MemorySearch(source, BytePattern.hex("01"), 64, 2);
		assertThrows(CancellationException.class, () -> search.all(0, 1 << 16, () -> true, at -> true));
	}
}
