package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.win32.internal.nt.DirectoryEntry;
import org.ipcscope.win32.internal.nt.EventBasicInformation;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.SectionAttributes;
import org.ipcscope.win32.internal.nt.SectionBasicInformation;
import org.junit.jupiter.api.Test;

class NamespaceObjectsTest {

	private static final List<Owner> OWNERS = List.of(new Owner(12, "a.exe", "handle 0x4", "0x000F0007"));

	@Test
	void readableSectionCarriesSizeAndDetailsInOrder() {
		ObjectState state = SectionDescriber.state(new SectionBasicInformation(SectionAttributes.SEC_COMMIT, 102400), null);

		IpcObject object = NamespaceObjects.readable(NamespaceDirectory.local(1), new DirectoryEntry("shm", "Section"),
				state, OWNERS);

		assertEquals(IpcKind.SECTION, object.kind());
		assertEquals("Local\\shm", object.name());
		assertEquals("Local", object.namespace());
		assertEquals(102400, object.size());
		assertEquals(List.of("Attributes", "Backing", "NT path"), List.copyOf(object.details().keySet()));
		assertEquals(Map.of("Attributes", "SEC_COMMIT", "NT path", "\\Sessions\\1\\BaseNamedObjects\\shm", "Backing",
				"page file"), object.details());
		assertEquals(OWNERS, object.owners());
		assertNull(object.problem());
	}

	@Test
	void fileBackedSectionNamesItsFile() {
		ObjectState state = SectionDescriber.state(new SectionBasicInformation(SectionAttributes.SEC_FILE, 8192),
				"C:\\data.bin");

		assertEquals(Map.of("Attributes", "SEC_FILE", "Backing", "file", "Backing file", "C:\\data.bin"), state.details());
		assertEquals(8192, state.size());
	}

	@Test
	void otherTypesSayWhichTypeTheyAre() {
		IpcObject object = NamespaceObjects.readable(NamespaceDirectory.global(), new DirectoryEntry("Restricted",
				"Directory"), new ObjectState(IpcObject.UNKNOWN_SIZE, Map.of()), List.of());

		assertEquals(IpcKind.NAMED_OBJECT, object.kind());
		assertEquals("Global\\Restricted", object.name());
		assertEquals(List.of("Type", "NT path"), List.copyOf(object.details().keySet()));
		assertEquals("Directory", object.details().get("Type"));
	}

	@Test
	void objectsInsideADirectoryKeepTheirNamespace() {
		NamespaceDirectory inner = NamespaceDirectory.session(2).child("AppStuff");

		IpcObject object = NamespaceObjects.readable(inner, new DirectoryEntry("ev", "Event"),
				EventDescriber.state(new EventBasicInformation(1, 0)), List.of());

		assertEquals("Session\\2\\AppStuff\\ev", object.name());
		assertEquals("Session 2", object.namespace());
		assertEquals("\\Sessions\\2\\BaseNamedObjects\\AppStuff\\ev", object.details().get("NT path"));
	}

	@Test
	void accessDeniedKeepsTheObjectWithoutSizeButWithItsOwners() {
		IpcObject object = NamespaceObjects.unreadable(NamespaceDirectory.global(), new DirectoryEntry("shm", "Section"),
				NtStatus.ACCESS_DENIED, OWNERS);

		assertEquals("Global\\shm", object.name());
		assertEquals(IpcObject.UNKNOWN_SIZE, object.size());
		assertEquals("size unknown: access denied (0xC0000022)", object.problem());
		assertEquals(Map.of("NT path", "\\BaseNamedObjects\\shm"), object.details());
		assertEquals(OWNERS, object.owners());
	}

	@Test
	void problemsNameWhatIsMissing() {
		assertEquals("vanished while listing", NamespaceObjects.problem(IpcKind.MUTEX, NtStatus.OBJECT_NAME_NOT_FOUND));
		assertEquals("size unknown: NTSTATUS 0xC0000001", NamespaceObjects.problem(IpcKind.SECTION, 0xC0000001));
		assertEquals("state unknown: access denied (0xC0000022)",
				NamespaceObjects.problem(IpcKind.SEMAPHORE, NtStatus.ACCESS_DENIED));
		assertEquals("target unknown: access denied (0xC0000022)",
				NamespaceObjects.problem(IpcKind.SYMBOLIC_LINK, NtStatus.ACCESS_DENIED));
		assertEquals("contents unknown: access denied (0xC0000022)",
				NamespaceObjects.problem(IpcKind.NAMED_OBJECT, NtStatus.ACCESS_DENIED));
	}
}
