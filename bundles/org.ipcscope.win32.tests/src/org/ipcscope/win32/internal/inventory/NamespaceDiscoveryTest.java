package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.ipcscope.win32.internal.nt.DirectoryEntry;
import org.junit.jupiter.api.Test;

class NamespaceDiscoveryTest {

	@Test
	void wineHasGlobalAndSessionOneAsLocal() {
		List<DirectoryEntry> sessions = List.of(new DirectoryEntry("1", "Directory"),
				new DirectoryEntry("BNOLINKS", "Directory"));

		assertEquals(List.of(
				new NamespaceDirectory("\\BaseNamedObjects", "Global", "Global\\"),
				new NamespaceDirectory("\\Sessions\\1\\BaseNamedObjects", "Local", "Local\\")),
				NamespaceDiscovery.directories(1, sessions));
	}

	@Test
	void otherSessionsComeInNumericOrderAndSessionZeroIsGlobal() {
		List<DirectoryEntry> sessions = List.of(new DirectoryEntry("0", "Directory"),
				new DirectoryEntry("12", "Directory"), new DirectoryEntry("2", "Directory"),
				new DirectoryEntry("3", "Directory"), new DirectoryEntry("BNOLINKS", "Directory"),
				new DirectoryEntry("7", "SymbolicLink"));

		assertEquals(List.of(
				NamespaceDirectory.global(),
				new NamespaceDirectory("\\Sessions\\3\\BaseNamedObjects", "Local", "Local\\"),
				new NamespaceDirectory("\\Sessions\\2\\BaseNamedObjects", "Session 2", "Session\\2\\"),
				new NamespaceDirectory("\\Sessions\\12\\BaseNamedObjects", "Session 12", "Session\\12\\")),
				NamespaceDiscovery.directories(3, sessions));
	}

	@Test
	void sessionZeroHasNoSeparateLocal() {
		assertEquals(List.of(NamespaceDirectory.global(), NamespaceDirectory.session(1)),
				NamespaceDiscovery.directories(0, List.of(new DirectoryEntry("1", "Directory"))));
	}

	@Test
	void namesObjectsTheWayUsersWriteThem() {
		NamespaceDirectory session = NamespaceDirectory.session(2);

		assertEquals("Session\\2\\shm", session.userName("shm"));
		assertEquals("\\Sessions\\2\\BaseNamedObjects\\shm", session.ntPath("shm"));
		assertEquals(true, session.isOtherSession());
		assertEquals(false, NamespaceDirectory.local(2).isOtherSession());
	}
}
