package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.ipcscope.core.process.MemoryRegion;
import org.junit.jupiter.api.Test;

/** Runs of pages cut at tagged ranges and tagged. */
class RegionTaggerTest {

	private static final int COMMIT = MemoryBasicInformation.MEM_COMMIT;
	private static final int RESERVE = MemoryBasicInformation.MEM_RESERVE;
	private static final int PRIVATE = MemoryBasicInformation.MEM_PRIVATE;
	private static final int IMAGE = MemoryBasicInformation.MEM_IMAGE;

	@Test
	void freeRunsAreLeftOutAndTaggedRangesGetTheirOwnRows() {
		List<MemoryBasicInformation> runs = List.of(
				new MemoryBasicInformation(0x0, 0, 0, 0x10000, MemoryBasicInformation.MEM_FREE, 0, 0),
				new MemoryBasicInformation(0x10000, 0x10000, 4, 0x4000, COMMIT, PageProtection.PAGE_READWRITE, PRIVATE),
				new MemoryBasicInformation(0x14000, 0x10000, 4, 0xC000, RESERVE, 0, PRIVATE),
				new MemoryBasicInformation(0x20000, 0x20000, 4, 0x2000, COMMIT, PageProtection.PAGE_READWRITE, PRIVATE));
		List<TaggedRange> ranges = List.of(TaggedRange.pages(0x11000, 0x11000 + 0x7C8, "PEB"),
				TaggedRange.pages(0x12000, 0x20000, "stack of thread 7"));

		List<MemoryRegion> regions = RegionTagger.regions(runs, Map.of(0x20000L, "heap (default)"), ranges, run -> "");

		assertEquals(List.of(new MemoryRegion(0x10000, 0x11000, "rw-p", "private", "", ""),
				new MemoryRegion(0x11000, 0x12000, "rw-p", "private", "", "PEB"),
				new MemoryRegion(0x12000, 0x14000, "rw-p", "private", "", "stack of thread 7"),
				new MemoryRegion(0x14000, 0x20000, "---p", "private", "", "stack of thread 7, reserved"),
				new MemoryRegion(0x20000, 0x22000, "rw-p", "private", "", "heap (default)")), regions);
	}

	@Test
	void aSharedSectionIsSharedWhateverTheProtectionSays() {
		List<MemoryBasicInformation> runs = List.of(new MemoryBasicInformation(0x2D000_0000L, 0x2D000_0000L, 0x80,
				0x8000, COMMIT, PageProtection.PAGE_WRITECOPY, IMAGE));
		List<TaggedRange> ranges = List.of(
				TaggedRange.pages(0x2D000_4000L, 0x2D000_4008L, "shared section .shared of x.dll", true));

		List<MemoryRegion> regions = RegionTagger.regions(runs, Map.of(), ranges, run -> "C:\\x.dll");

		assertEquals(List.of(new MemoryRegion(0x2D000_0000L, 0x2D000_4000L, "rw-p", "image", "C:\\x.dll", ""),
				new MemoryRegion(0x2D000_4000L, 0x2D000_5000L, "rw-s", "image", "C:\\x.dll", "shared section .shared of x.dll"),
				new MemoryRegion(0x2D000_5000L, 0x2D000_8000L, "rw-p", "image", "C:\\x.dll", "")), regions);
	}
}
