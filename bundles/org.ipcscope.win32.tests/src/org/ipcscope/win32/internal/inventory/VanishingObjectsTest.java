package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.ProviderResult;
import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Objects that vanish while they are listed: another process creates and closes sections,
 * events and pipes in a loop while the provider lists again and again. No exception, no crash;
 * an object caught half-gone is a row that says so.
 */
@EnabledOnOs(OS.WINDOWS)
class VanishingObjectsTest {

	@Test
	void listingWhileObjectsComeAndGo() throws Exception {
		String prefix = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-churn";
		try (WinHelper helper = WinHelper.start()) {
			helper.command("churn", "Local\\" + prefix);
			WindowsIpcProvider provider = new WindowsIpcProvider();
			// the listings race the churn only when they catch its objects: go on until enough of them did
			int seen = 0;
			int listings = 0;
			int listingsThatSawChurn = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			while (listings < 15 || listingsThatSawChurn < 5) {
				assertTrue(System.nanoTime() < deadline, "only " + listingsThatSawChurn + " of " + listings
						+ " listings caught a churned object in 180 s");
				ProviderResult result = provider.list();
				listings++;
				boolean caught = false;
				for (IpcObject object : result.objects()) {
					if (object.name().contains(prefix)) {
						seen++;
						caught = true;
						assertTrue(object.problem() == null || object.problem().equals("vanished while listing"),
								object::toString);
					}
				}
				if (caught) {
					listingsThatSawChurn++;
				}
				if (Wine.isWine()) {
					assertEquals(List.of(), result.problems());
				}
			}
			long cycles = Long.parseLong(helper.command("stop-churn").get("cycles"));
			assertTrue(cycles > 0, "the helper churned");
			System.out.printf("churn: %d cycles of 20 objects each, %d of them seen while listing%n", cycles, seen);
			WinHelper.assertExitedNormally(helper);
		}
		// Afterwards nothing of them is left.
		assertTrue(new WindowsIpcProvider().list(java.util.EnumSet.of(IpcKind.SECTION, IpcKind.EVENT, IpcKind.NAMED_PIPE))
				.objects().stream().noneMatch(o -> o.name().contains(prefix)));
	}

	@Test
	void anObjectGoneBeforeItCouldBeOpenedSaysSo() {
		assertEquals("vanished while listing", NamespaceObjects.problem(IpcKind.EVENT, NtStatus.OBJECT_NAME_NOT_FOUND));
		assertEquals("vanished while listing", NamespaceObjects.problem(IpcKind.SECTION, NtStatus.OBJECT_PATH_NOT_FOUND));
	}
}
