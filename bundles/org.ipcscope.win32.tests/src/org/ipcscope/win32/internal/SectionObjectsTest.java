package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.junit.jupiter.api.Test;

class SectionObjectsTest {

	@Test
	void readableSectionCarriesSizeAndDetailsInOrder() {
		IpcObject object = SectionObjects.readable(NamespaceDirectory.local(1), "shm",
				new SectionBasicInformation(SectionAttributes.SEC_COMMIT, 102400));

		assertEquals(IpcKind.SECTION, object.kind());
		assertEquals("Local\\shm", object.name());
		assertEquals("Local", object.namespace());
		assertEquals(102400, object.size());
		assertEquals(List.of("Attributes", "NT path", "Backing"), List.copyOf(object.details().keySet()));
		assertEquals(Map.of("Attributes", "SEC_COMMIT", "NT path", "\\Sessions\\1\\BaseNamedObjects\\shm",
				"Backing", "page file"), object.details());
		assertNull(object.problem());
	}

	@Test
	void accessDeniedKeepsTheObjectWithoutSize() {
		IpcObject object = SectionObjects.unreadable(NamespaceDirectory.global(), "shm", NtStatus.ACCESS_DENIED);

		assertEquals("Global\\shm", object.name());
		assertEquals(IpcObject.UNKNOWN_SIZE, object.size());
		assertEquals("size unknown: access denied (0xC0000022)", object.problem());
		assertEquals(Map.of("NT path", "\\BaseNamedObjects\\shm"), object.details());
	}

	@Test
	void aSectionGoneBeforeOpeningVanished() {
		assertEquals("vanished while listing", SectionObjects.problem(NtStatus.OBJECT_NAME_NOT_FOUND));
		assertEquals("size unknown: NTSTATUS 0xC0000001", SectionObjects.problem(0xC0000001));
	}
}
