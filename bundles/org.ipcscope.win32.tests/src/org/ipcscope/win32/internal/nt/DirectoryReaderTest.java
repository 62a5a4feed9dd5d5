package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DirectoryReaderTest {

	/** Enough entries for several 4 KiB answers, and one that fits no 4 KiB buffer at all. */
	private static List<DirectoryEntry> manyEntries() {
		List<DirectoryEntry> entries = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			entries.add(new DirectoryEntry("ipcscope-entry-" + i, i % 3 == 0 ? "Section" : "Event"));
			if (i == 250) {
				entries.add(new DirectoryEntry("x".repeat(5000), "Section"));
			}
		}
		return entries;
	}

	@Test
	void windowsBulkModeReadsEveryEntryOnceAcrossManyCalls() throws Exception {
		List<DirectoryEntry> entries = manyEntries();
		SimulatedDirectory kernel = SimulatedDirectory.windows(entries, NtStatus.BUFFER_TOO_SMALL);

		assertEquals(entries, new DirectoryReader(kernel, "\\Test").readAll());
		assertTrue(kernel.bulkCalls > 3, "bulk calls: " + kernel.bulkCalls);
		assertEquals(0, kernel.singleCalls);
	}

	@Test
	void windowsMoreEntriesWithNothingReturnedGrowsTheBuffer() throws Exception {
		List<DirectoryEntry> entries = manyEntries();
		SimulatedDirectory kernel = SimulatedDirectory.windows(entries, NtStatus.MORE_ENTRIES);

		assertEquals(entries, new DirectoryReader(kernel, "\\Test").readAll());
	}

	@Test
	void emptyDirectory() throws Exception {
		assertEquals(List.of(),
				new DirectoryReader(SimulatedDirectory.windows(List.of(), NtStatus.BUFFER_TOO_SMALL), "\\Test").readAll());
		assertEquals(List.of(), new DirectoryReader(SimulatedDirectory.wine(List.of()), "\\Test").readAll());
	}

	@Test
	void wineFallsBackToOneEntryPerCall() throws Exception {
		List<DirectoryEntry> entries = manyEntries();
		SimulatedDirectory kernel = SimulatedDirectory.wine(entries);

		assertEquals(entries, new DirectoryReader(kernel, "\\Test").readAll());
		assertEquals(1, kernel.bulkCalls);
		// One call per entry, one to grow for the long name, one for NO_MORE_ENTRIES.
		assertEquals(entries.size() + 2, kernel.singleCalls);
	}

	@Test
	void otherFailuresCarryTheirStatus() {
		DirectoryQuery denied = (buffer, single, restart, context, returnLength) -> NtStatus.ACCESS_DENIED;

		NtStatusException e = assertThrows(NtStatusException.class, () -> new DirectoryReader(denied, "\\X").readAll());
		assertEquals(NtStatus.ACCESS_DENIED, e.status());
		assertEquals("\\X: access denied (0xC0000022)", e.getMessage());
	}

	@Test
	void aKernelThatNeverFitsAnEntryEndsWithAnError() {
		DirectoryQuery tooSmall = (buffer, single, restart, context, returnLength) -> NtStatus.BUFFER_TOO_SMALL;

		NtStatusException e = assertThrows(NtStatusException.class, () -> new DirectoryReader(tooSmall, "\\X").readAll());
		assertEquals(NtStatus.BUFFER_TOO_SMALL, e.status());
	}
}
