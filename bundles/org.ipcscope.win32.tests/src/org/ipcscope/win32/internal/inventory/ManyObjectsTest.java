package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.WinHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * 5000 sections of another process at once: all found, each with its owner. How long a refresh
 * with them present takes: ManyObjectsBenchmark in the bench module (-Pbench).
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
		}
	}
}
