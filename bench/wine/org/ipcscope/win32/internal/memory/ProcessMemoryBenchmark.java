package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;
import org.junit.jupiter.api.Test;

/**
 * How fast another process's memory is read and searched, and its region map built: 128 MiB that
 * win_mem_helper.exe committed, read in 1 MiB chunks, then searched for three patterns that are
 * not there; the region maps of the helper and of this JVM. Measures and prints; whether every byte
 * is read and searched is ProcessMemoryFullScanTest's to check. Runs with -Pbench under Wine.
 */
class ProcessMemoryBenchmark {

	private static final int MIB = 1 << 20;
	private static final int SIZE_MIB = 128;

	private final WindowsProcessMemoryProvider provider = new WindowsProcessMemoryProvider();

	@Test
	void read128MibSearchItAndMapRegions() throws Exception {
		List<String> rows = new ArrayList<>();
		try (WinHelper helper = WindowsProcessMemoryProviderTest.memoryHelper()) {
			long start = WindowsProcessMemoryProviderTest.address(helper, "address", "fill", Integer.toString(SIZE_MIB));
			long end = start + (long) SIZE_MIB * MIB;
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				long complete = 0;
				long began = System.nanoTime();
				for (long at = start; at < end; at += MIB) {
					complete += memory.read(at, MIB).isComplete() ? 1 : 0;
				}
				rows.add(row("read in 1 MiB chunks (`ReadProcessMemory`)", System.nanoTime() - began));
				assertEquals(SIZE_MIB, complete, "1 MiB chunks read whole");
				for (String spec : List.of("text:ipcscope-not-there", "hex:12 ?? 13 14 ?? 15", "int32:305419896")) {
					List<Long> hits = new ArrayList<>();
					began = System.nanoTime();
					new MemorySearch(memory, PatternSyntax.parse(spec)).all(start, end, ScanMonitor.NONE, hits::add);
					rows.add(row("search `" + spec + "` (" + hits.size() + " hits)", System.nanoTime() - began));
				}
			}
			for (long pid : List.of(helper.pid(), ProcessHandle.current().pid())) {
				long began = System.nanoTime();
				int regions = provider.regions(pid).size();
				rows.add(String.format("| region map of %s (%d regions) | %d ms | |",
						pid == helper.pid() ? "win_mem_helper.exe" : "this JVM", regions, (System.nanoTime() - began) / 1_000_000));
			}
		}
		System.out.printf("%n| %d MiB of another process%s | time | rate |%n| --- | ---: | ---: |%n%s%n%n", SIZE_MIB,
				Wine.isWine() ? " under Wine " + Wine.version().orElse("") : "", String.join("\n", rows));
	}

	private static String row(String what, long nanos) {
		return String.format("| %s | %d ms | %.0f MiB/s |", what, nanos / 1_000_000, SIZE_MIB / (nanos / 1e9));
	}
}
