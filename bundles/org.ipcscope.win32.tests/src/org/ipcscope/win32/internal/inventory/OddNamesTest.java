package org.ipcscope.win32.internal.inventory;

import static org.ipcscope.win32.internal.inventory.Listing.assertOwnedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.WinHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Names with spaces, non-ASCII characters, 200+ characters, and names that look like paths. */
@EnabledOnOs(OS.WINDOWS)
class OddNamesTest {

	private final String unique = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
	/** Object-manager names: anything but a backslash. */
	private final List<String> names = List.of(
			unique + " with  spaces ",
			unique + "-\u00fcn\u00efc\u00f8d\u00e9-\u540d\u524d-\u0434\u0430-\ud83d\ude00",
			unique + "-" + "long".repeat(55),
			unique + "-C:/Users/some one/../file.txt");
	/** Pipe and mailslot names may hold backslashes too: they look like paths inside the device. */
	private final List<String> deviceNames = List.of(
			unique + "\\sub dir\\C:\\file.txt",
			unique + "\\\u00fcn\u00efc\u00f8d\u00e9 \u540d\u524d",
			unique + "\\" + "x".repeat(210));
	private final WindowsIpcProvider provider = new WindowsIpcProvider();
	private WinHelper helper;

	@BeforeEach
	void startHelper() throws Exception {
		helper = WinHelper.start();
	}

	@AfterEach
	void stopHelper() throws Exception {
		helper.close();
	}

	@Test
	void sectionsAndEvents() throws Exception {
		assertTrue(names.get(2).length() > 200);
		for (String name : names) {
			helper.command("section", "Local\\" + name, "4096");
			helper.command("event", "Global\\" + name, "manual", "1");
		}

		Listing listing = Listing.of(provider, IpcKind.SECTION, IpcKind.EVENT).withoutProblemsUnderWine();

		for (String name : names) {
			IpcObject section = listing.find(IpcKind.SECTION, "Local\\" + name);
			assertEquals(4096, section.size(), name);
			assertNull(section.problem(), name);
			assertOwnedBy(section, helper);
			IpcObject event = listing.find(IpcKind.EVENT, "Global\\" + name);
			assertEquals("signaled", event.details().get("State"), name);
			assertOwnedBy(event, helper);
		}
	}

	@Test
	void pipesAndMailslots() throws Exception {
		for (String name : deviceNames) {
			helper.command("pipe", name, "2");
			helper.command("mailslot", name, "0");
		}

		Listing listing = Listing.of(provider, IpcKind.NAMED_PIPE, IpcKind.MAILSLOT).withoutProblemsUnderWine();

		for (String name : deviceNames) {
			IpcObject pipe = listing.find(IpcKind.NAMED_PIPE, "\\\\.\\pipe\\" + name);
			assertEquals("\\Device\\NamedPipe\\" + name, pipe.details().get("NT path"));
			assertOwnedBy(pipe, helper);
			IpcObject mailslot = listing.find(IpcKind.MAILSLOT, "\\\\.\\mailslot\\" + name);
			assertEquals("any", mailslot.details().get("Max message size"));
			assertEquals("none waiting", mailslot.details().get("Next message"));
			assertOwnedBy(mailslot, helper);
		}
	}
}
