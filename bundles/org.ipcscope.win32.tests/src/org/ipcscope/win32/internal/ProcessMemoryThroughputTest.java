package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * How fast another process's memory is read and searched (and its region map built). Prints
 * {@code TIMING:} lines into the build log on every run; asserts only that every byte was read and
 * searched, as numbers on a shared 2-core build machine say little on their own.
 */
@EnabledOnOs(OS.WINDOWS)
class ProcessMemoryThroughputTest {

	private static final int MIB = 1 << 20;
	private static final int SIZE_MIB = 128;

	private final WindowsProcessMemoryProvider provider = new WindowsProcessMemoryProvider();

	@Test
	void readAndSearch128MibOfAnotherProcess() throws Exception {
		try (WinHelper helper = WindowsProcessMemoryProviderTest.memoryHelper()) {
			long start = WindowsProcessMemoryProviderTest.address(helper, "address", "fill", Integer.toString(SIZE_MIB));
			long end = start + (long) SIZE_MIB * MIB;
			String where = Wine.isWine() ? " under Wine " + Wine.version().orElse("") : "";
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				long began = System.nanoTime();
				for (long at = start; at < end; at += MIB) {
					MemoryRead read = memory.read(at, MIB);
					assertTrue(read.isComplete());
					assertEquals(0x11, read.bytes()[MIB - 1]);
				}
				report("read in 1 MiB chunks" + where, System.nanoTime() - began);
				for (String spec : List.of("text:ipcscope-not-there", "hex:12 ?? 13 14 ?? 15", "int32:305419896")) {
					BytePattern pattern = PatternSyntax.parse(spec);
					long[] scanned = { 0 };
					ScanMonitor counting = new ScanMonitor() {
						@Override
						public boolean isCanceled() {
							return false;
						}

						@Override
						public void scanned(long bytes) {
							scanned[0] += bytes;
						}
					};
					List<Long> hits = new ArrayList<>();
					began = System.nanoTime();
					assertTrue(new MemorySearch(memory, pattern).all(start, end, counting, hits::add));
					report("search " + spec + where, System.nanoTime() - began);
					assertEquals(List.of(), hits);
					assertEquals(end - start - pattern.length() + 1, scanned[0], "every position searched");
				}
			}
			for (long pid : List.of(helper.pid(), ProcessHandle.current().pid())) {
				long began = System.nanoTime();
				int regions = provider.regions(pid).size();
				System.out.printf("TIMING: region map of pid %d (%s, %d regions)%s: %d ms%n", pid,
						pid == helper.pid() ? "win_mem_helper.exe" : "this JVM", regions, where,
						(System.nanoTime() - began) / 1_000_000);
			}
		}
	}

	private static void report(String what, long nanos) {
		System.out.printf("TIMING: %s over %d MiB of another process: %d ms, %.0f MiB/s%n", what, SIZE_MIB,
				nanos / 1_000_000, SIZE_MIB / (nanos / 1e9));
	}
}
