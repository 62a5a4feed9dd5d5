package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.GoneDuringSearchException;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/** Searches of a live process's memory: every kind of pattern, a gap in its mappings, its exit mid-search. */
class ProcessSearchTest {

	private static final int PAGE = 4096;

	private final LinuxProcessMemoryProvider provider = new LinuxProcessMemoryProvider();

	@Test
	void everyPatternKindFindsTheValueTheHelperPlantedWhereItSaysItIs() throws Exception {
		Random random = new Random();
		String text = "PLANTED-" + ProcessHandle.current().pid() + "-" + Long.toHexString(random.nextLong());
		int int32 = random.nextInt() | 0x01010101; // no zero byte: a value found only where it was put
		long int64 = random.nextLong() | 0x0101010101010101L;
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "plant", text,
				Integer.toString(int32), Long.toString(int64))) {
			String[] at = helper.readyLines().get(0).split(" ");
			long textAt = address(at[1]);
			StringBuilder wild = new StringBuilder();
			byte[] utf8 = text.getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < utf8.length; i++) {
				wild.append(i % 5 == 2 ? "??" : String.format("%02x", utf8[i])).append(' ');
			}
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				assertFound(memory, helper.pid(), "text:" + text, textAt);
				assertFound(memory, helper.pid(), "ascii:" + text, textAt);
				assertFound(memory, helper.pid(), "hex:" + wild, textAt);
				assertFound(memory, helper.pid(), "utf16:" + text, address(at[2]));
				assertFound(memory, helper.pid(), "int32be:" + int32, address(at[3]));
				assertFound(memory, helper.pid(), "int64:" + int64, address(at[4]));
			}
		}
	}

	/** Searches every readable region, as the command line does, and checks each hit's bytes. */
	private void assertFound(MemorySource memory, long pid, String spec, long expected) throws IOException {
		BytePattern pattern = PatternSyntax.parse(spec);
		MemorySearch search = new MemorySearch(memory, pattern);
		List<Long> hits = new ArrayList<>();
		for (MemoryRegion region : provider.regions(pid)) {
			if (region.isReadable()) {
				search.all(region.start(), region.end(), ScanMonitor.NONE, hits::add);
			}
		}
		assertTrue(hits.contains(expected), spec + ": 0x" + Long.toHexString(expected) + " not among " + hex(hits));
		for (long hit : hits) {
			MemoryRead read = memory.read(hit, pattern.length());
			assertTrue(read.isComplete() && pattern.matchesAt(read.bytes(), 0), spec + ": no match at 0x" + Long.toHexString(hit));
		}
	}

	@Test
	void aSearchAcrossAnUnmappedGapFindsWhatIsAroundItAndDoesNotFail() throws Exception {
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "gap");
				MemorySource memory = provider.open(helper.pid(), false)) {
			long first = address(helper.readyLines().get(0).split(" ")[1]);
			List<Long> threes = new ArrayList<>();
			assertTrue(new MemorySearch(memory, BytePattern.hex("33 33 33 33")).all(first, first + 3 * PAGE,
					ScanMonitor.NONE, threes::add));
			assertEquals(PAGE - 3, threes.size());
			assertEquals(first + 2 * PAGE, threes.get(0));
			List<Long> ones = new ArrayList<>();
			new MemorySearch(memory, BytePattern.hex("11 ??")).all(first, first + 3 * PAGE, ScanMonitor.NONE, ones::add);
			assertEquals(PAGE - 1, ones.size(), "the last 0x11 is followed by the gap: no match there");
			assertEquals(first + PAGE - 2, ones.get(ones.size() - 1));
			List<Long> zeros = new ArrayList<>();
			new MemorySearch(memory, BytePattern.hex("00")).all(first, first + 3 * PAGE, ScanMonitor.NONE, zeros::add);
			assertEquals(List.of(), zeros, "the gap's unreadable bytes are 0 in the buffer and must not match");
		}
	}

	@Test
	void theProcMemFallbackReadsAndSearchesAlike() throws Exception {
		String marker = "PROC-MEM-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(2, HelperProcess.helper("ipc_helper").toString(), "gap", "marker",
				marker); MemorySource memory = new ProcessVmMemorySource(helper.pid(), false, true)) {
			long first = address(helper.readyLines().get(0).split(" ")[1]);
			MemoryRead read = memory.read(first + PAGE - 16, PAGE + 32);
			assertEquals(0x11, read.bytes()[15]);
			assertEquals(PAGE, read.unreadable().cardinality(), "the unmapped page");
			assertEquals(0x33, read.bytes()[16 + PAGE]);
			long markerAt = address(helper.readyLines().get(1).split(" ")[1]);
			assertFound(memory, helper.pid(), "text:" + marker, markerAt);
			List<Long> threes = new ArrayList<>();
			new MemorySearch(memory, BytePattern.hex("33 33 33 33")).all(first, first + 3 * PAGE, ScanMonitor.NONE,
					threes::add);
			assertEquals(first + 2 * PAGE, threes.get(0));
		}
	}

	@Test
	void aProcessExitingMidSearchEndsItWithAClearMessageAndTheResultsSoFar() throws Exception {
		String needle = "EXIT-MID-SEARCH-" + ProcessHandle.current().pid() + "!";
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "haystack",
				"256", needle, "42")) {
			String[] ready = helper.readyLines().get(0).split(" ");
			long start = address(ready[1]);
			long end = address(ready[2]);
			long pid = helper.pid();
			ScanMonitor killAt64MiB = ScanMonitor.progress(scanned -> {
				if (scanned >= 64 << 20) {
					ProcessHandle.of(pid).ifPresent(p -> {
						p.destroyForcibly();
						p.onExit().join();
					});
				}
			});
			// the decoys every 16 MiB are the needle with its last byte changed: the rest matches each
			BytePattern decoys = BytePattern.text(needle.substring(0, needle.length() - 1), StandardCharsets.US_ASCII);
			List<Long> hits = new ArrayList<>();
			try (MemorySource memory = provider.open(pid, false)) {
				GoneDuringSearchException gone = assertThrows(GoneDuringSearchException.class,
						() -> new MemorySearch(memory, decoys).all(start, end, killAt64MiB, hits::add));
				// the progress is of every worker's part together: the caller's part (the first) has
				// reached at most 64 MiB, where it meets the exit, and reports what is before that
				assertTrue(gone.address() >= start && gone.address() <= start + (66 << 20),
						"stopped at 0x" + Long.toHexString(gone.address()));
				assertEquals("process " + pid + " has exited during the search at 0x" + Long.toHexString(gone.address())
						+ "; the results so far are kept", gone.getMessage());
				List<Long> expected = new ArrayList<>();
				for (long decoy = start + (1 << 20) + 100; decoy < gone.address(); decoy += 16 << 20) {
					expected.add(decoy);
				}
				assertEquals(hex(expected), hex(hits), "the decoys before the exit");
			}
		}
	}

	private static long address(String hex) {
		return Long.parseUnsignedLong(hex.substring(2), 16);
	}

	private static List<String> hex(List<Long> addresses) {
		return addresses.stream().map(a -> "0x" + Long.toHexString(a)).toList();
	}
}
