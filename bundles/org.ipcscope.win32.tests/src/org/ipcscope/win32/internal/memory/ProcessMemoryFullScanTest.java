package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.win32.internal.WinHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * 128 MiB of another process: every 1 MiB chunk read whole with the helper's bytes, every position
 * searched by three patterns (none there), the region maps of the helper and of this JVM built.
 * How fast: ProcessMemoryBenchmark in the bench module (-Pbench).
 */
@EnabledOnOs(OS.WINDOWS)
class ProcessMemoryFullScanTest {

	private static final int MIB = 1 << 20;
	private static final int SIZE_MIB = 128;

	private final WindowsProcessMemoryProvider provider = new WindowsProcessMemoryProvider();

	@Test
	void readAndSearch128MibOfAnotherProcess() throws Exception {
		try (WinHelper helper = WindowsProcessMemoryProviderTest.memoryHelper()) {
			long start = WindowsProcessMemoryProviderTest.address(helper, "address", "fill", Integer.toString(SIZE_MIB));
			long end = start + (long) SIZE_MIB * MIB;
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				for (long at = start; at < end; at += MIB) {
					MemoryRead read = memory.read(at, MIB);
					assertTrue(read.isComplete());
					assertEquals(0x11, read.bytes()[MIB - 1]);
				}
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
					assertTrue(new MemorySearch(memory, pattern).all(start, end, counting, hits::add));
					assertEquals(List.of(), hits);
					assertEquals(end - start - pattern.length() + 1, scanned[0], "every position searched");
				}
			}
			assertTrue(provider.regions(helper.pid()).stream().anyMatch(r -> r.start() <= start && start < r.end()),
					"the helper's region map holds the filled range");
			assertFalse(provider.regions(ProcessHandle.current().pid()).isEmpty(), "this JVM's region map");
		}
	}
}
