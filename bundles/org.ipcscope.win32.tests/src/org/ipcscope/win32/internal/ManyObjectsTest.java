package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * 5000 sections of another process at once: all found, each with its owner. Also times one
 * whole refresh (namespace, pipes, owners: every kind) with them present; the number is printed,
 * not asserted, for docs/performance.md.
 */
@EnabledOnOs(OS.WINDOWS)
class ManyObjectsTest {

	private static final int COUNT = 5000;

	@Test
	void fiveThousandSectionsAllFoundWithTheirOwner() throws Exception {
		String prefix = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
		try (WinHelper helper = WinHelper.start()) {
			helper.command("sections", "Local\\" + prefix, Integer.toString(COUNT), "4096");
			WindowsIpcProvider provider = new WindowsIpcProvider();

			List<IpcObject> found = Listing.of(provider, IpcKind.SECTION).withoutProblemsUnderWine().objects().stream()
					.filter(o -> o.name().startsWith("Local\\" + prefix)).toList();

			assertEquals(COUNT, found.size());
			Set<String> names = found.stream().map(IpcObject::name).collect(Collectors.toSet());
			for (int i = 0; i < COUNT; i++) {
				assertTrue(names.contains("Local\\" + prefix + i), "missing " + prefix + i);
			}
			assertTrue(found.stream().allMatch(o -> o.owners().size() == 1 && o.owners().get(0).pid() == helper.pid()
					&& o.problem() == null && o.size() == 4096), "every section with its one owner");

			time(provider);
		}
	}

	/** Not an assertion: the first refresh warms the JIT and the type names, the next ones are timed. */
	private static void time(WindowsIpcProvider provider) {
		int objects = 0;
		long best = Long.MAX_VALUE;
		long total = 0;
		int runs = 3;
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			objects = provider.list().objects().size();
			long elapsed = System.nanoTime() - started;
			best = Math.min(best, elapsed);
			total += elapsed;
		}
		System.out.printf("TIMING: one refresh of every Windows kind with %d objects (%d of them sections of one"
				+ " helper process)%s: best %d ms, mean %d ms over %d runs%n", objects, COUNT,
				Wine.isWine() ? " under Wine " + Wine.version().orElse("") : "", best / 1_000_000,
				total / runs / 1_000_000, runs);
	}
}
