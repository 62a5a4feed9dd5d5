package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ipcscope.win32.internal.nt.DirectoryEntry;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/** Lists real object directories: under Wine through the one-entry-per-call fallback. */
@EnabledOnOs(OS.WINDOWS)
class ObjectDirectoryTest {

	@Test
	void sessionsHoldTheCurrentSession() throws Exception {
		String session = String.valueOf(CurrentSession.id().orElseThrow());

		List<DirectoryEntry> sessions = ObjectDirectory.list(NamespaceDirectory.SESSIONS_PATH);

		assertTrue(sessions.contains(new DirectoryEntry(session, "Directory")), sessions::toString);
	}

	@Test
	void globalNamespaceLinksToLocal() throws Exception {
		List<DirectoryEntry> global = ObjectDirectory.list(NamespaceDirectory.GLOBAL_PATH);

		assertTrue(global.contains(new DirectoryEntry("Local", "SymbolicLink")), global::toString);
	}

	@Test
	void findsASectionThisProcessCreated() throws Exception {
		String name = "ipcscope-dir-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
		HANDLE mapping = Kernel32.INSTANCE.CreateFileMapping(WinBase.INVALID_HANDLE_VALUE, null,
				WinNT.PAGE_READWRITE, 0, 4096, "Local\\" + name);
		assertNotNull(mapping, "CreateFileMapping failed: " + Kernel32.INSTANCE.GetLastError());
		try {
			List<DirectoryEntry> local = ObjectDirectory
					.list(NamespaceDirectory.local(CurrentSession.id().orElseThrow()).ntPath());

			assertTrue(local.contains(new DirectoryEntry(name, "Section")), local::toString);
		} finally {
			Kernel32.INSTANCE.CloseHandle(mapping);
		}
	}

	@Test
	void aMissingDirectoryIsNotFound() {
		NtStatusException e = assertThrows(NtStatusException.class,
				() -> ObjectDirectory.list("\\ipcscope-no-such-directory"));

		assertTrue(NtStatus.isNotFound(e.status()), e::getMessage);
	}
}
