package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ipcscope.win32.internal.nt.SystemHandle;
import org.junit.jupiter.api.Test;

class FileHandleTest {

	private static FileHandle named(String name) {
		return new FileHandle(new SystemHandle(0, 1, 4, 0, 1), name, null, null);
	}

	@Test
	void pipeAndMailslotNamesInsideTheirDevice() {
		assertEquals("foo", named("\\Device\\NamedPipe\\foo").pipeName());
		assertEquals("a\\b c", named("\\Device\\NamedPipe\\a\\b c").pipeName());
		assertEquals("", named("\\Device\\NamedPipe\\").pipeName());
		assertEquals("", named("\\Device\\NamedPipe").pipeName());
		assertNull(named("\\Device\\NamedPipeX\\foo").pipeName());
		assertNull(named("\\Device\\NamedPipe\\foo").mailslotName());
		// Windows says Mailslot, Wine MailSlot.
		assertEquals("x\\y", named("\\Device\\Mailslot\\x\\y").mailslotName());
		assertEquals("x\\y", named("\\Device\\MailSlot\\x\\y").mailslotName());
		assertNull(named("\\Device\\HarddiskVolume1\\f").pipeName());
		assertNull(named("").mailslotName());
	}

	@Test
	void anonymousPipesByTheNamesCreatePipeGives() {
		assertTrue(AnonymousPipes.isAnonymous(""), "current Windows");
		assertTrue(AnonymousPipes.isAnonymous("Win32Pipes.000012ac.00000003"), "old Windows");
		assertTrue(AnonymousPipes.isAnonymous("Win32.Pipes.00000032.00000001"), "Wine");
		assertFalse(AnonymousPipes.isAnonymous("Win32.Pipes.00000032.00000001x"));
		assertFalse(AnonymousPipes.isAnonymous("mojo.1234.5678"));
	}

	@Test
	void unnamedPipesAreGroupedByFileObjectWhereWindowsGivesIt() {
		FileHandle withObject = new FileHandle(new SystemHandle(0xFFFF_8001_2345_6780L, 12, 0x1A4, 0, 37),
				"\\Device\\NamedPipe\\", null, null);
		FileHandle without = new FileHandle(new SystemHandle(0, 12, 0x1A4, 0, 37), "\\Device\\NamedPipe", null, null);

		assertEquals("pipe object 0xFFFF800123456780", AnonymousPipeCollector.groupName(withObject));
		assertEquals("pipe of pid 12 handle 0x1A4", AnonymousPipeCollector.groupName(without));
		assertEquals("Win32.Pipes.00000032.00000001",
				AnonymousPipeCollector.groupName(named("\\Device\\NamedPipe\\Win32.Pipes.00000032.00000001")));
	}
}
