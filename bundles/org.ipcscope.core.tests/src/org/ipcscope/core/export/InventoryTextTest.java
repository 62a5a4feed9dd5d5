package org.ipcscope.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.junit.jupiter.api.Test;

class InventoryTextTest {

	@Test
	void aNameCannotForgeARowNorDriveTheTerminal() {
		IpcObject odd = new IpcObject(IpcKind.POSIX_SHM, "/a\nposix-shm /dev/shm 1 /forged\u001b]0;x\u0007\u001b[31m\\\udcff",
				"/dev/shm", 1, Map.of(), List.of(new Owner(7, "ev\u001bil", "fd 3", "read")), null);
		String text = InventoryText.write(new InventorySnapshot(Instant.EPOCH, List.of(odd), List.of("/x\n: y")));
		assertEquals("""
				KIND      NAMESPACE           SIZE  NAME                                              OWNERS
				posix-shm /dev/shm               1  /a\\nposix-shm /dev/shm 1 /forged\\x1b]0;x\\x07\\x1b[31m\\\\\\xff  ev\\x1bil (7)
				not readable: /x\\n: y
				""", text);
	}

	@Test
	void aLongNameWidensOnlyItsOwnRow() {
		String longName = "/" + "n".repeat(255);
		IpcObject wide = new IpcObject(IpcKind.POSIX_SHM, longName, "/dev/shm", 1, Map.of(), List.of(new Owner(7, "a", "fd 3", "read")), null);
		IpcObject narrow = new IpcObject(IpcKind.POSIX_SHM, "/b", "/dev/shm", 2, Map.of(), List.of(new Owner(8, "b", "fd 3", "read")), null);
		List<String> lines = InventoryText.write(new InventorySnapshot(Instant.EPOCH, List.of(wide, narrow), List.of())).lines().toList();
		assertEquals(36 + longName.length() + 2 + "a (7)".length(), lines.get(1).length(), lines.get(1));
		assertEquals("posix-shm /dev/shm               2  /b" + " ".repeat(46) + "  b (8)", lines.get(2), "not padded to the long name");
	}
}
