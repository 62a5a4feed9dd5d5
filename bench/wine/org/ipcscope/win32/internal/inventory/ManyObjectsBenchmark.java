package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ipcscope.core.IpcKind;
import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;
import org.junit.jupiter.api.Test;

/**
 * One whole refresh of every Windows kind (namespace, pipes, owners) while a helper holds 5000
 * sections: the first refresh warms the JIT and the type names up, the next RUNS are timed.
 * Measures and prints; it asserts only that the sections were there to be found (ManyObjectsTest
 * checks each of them and its owner). Runs with -Pbench under Wine (docs/performance.md).
 */
class ManyObjectsBenchmark {

	private static final int COUNT = 5000;
	private static final int RUNS = 5;

	@Test
	void refreshWithFiveThousandSections() throws Exception {
		String prefix = "Local\\ipcscope-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
		try (WinHelper helper = WinHelper.start()) {
			helper.command("sections", prefix, Integer.toString(COUNT), "4096");
			WindowsIpcProvider provider = new WindowsIpcProvider();
			assertEquals(COUNT, Listing.of(provider, IpcKind.SECTION).withoutProblemsUnderWine().objects().stream()
					.filter(o -> o.name().startsWith(prefix)).count(), "the helper's sections, before timing");
			int objects = 0;
			long best = Long.MAX_VALUE;
			long total = 0;
			for (int i = 0; i < RUNS; i++) {
				long started = System.nanoTime();
				objects = provider.list().objects().size();
				long elapsed = System.nanoTime() - started;
				best = Math.min(best, elapsed);
				total += elapsed;
			}
			System.out.printf("%n| Windows inventory%s | objects | best of %d (ms) | mean (ms) |%n| --- | ---: | ---: | ---: |%n"
					+ "| one refresh of every kind, %d sections of one helper present | %d | %d | %d |%n%n",
					Wine.isWine() ? " under Wine " + Wine.version().orElse("") : "", RUNS, COUNT, objects,
					best / 1_000_000, total / RUNS / 1_000_000);
		}
	}
}
