package org.ipcscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InventoryTest {

	private static IpcProvider providing(Set<IpcKind> kinds, IpcObject... objects) {
		return new IpcProvider() {
			@Override
			public Set<IpcKind> kinds() {
				return kinds;
			}

			@Override
			public ProviderResult list(InventoryRequest request) {
				return new ProviderResult(List.of(objects), List.of());
			}
		};
	}

	private static IpcObject object(IpcKind kind, String namespace, String name) {
		return new IpcObject(kind, name, namespace, 1, Map.of());
	}

	@Test
	void mergesAndSortsByKindNamespaceAndName() {
		IpcProvider a = providing(Set.of(IpcKind.SYSV_SHM), object(IpcKind.SYSV_SHM, "SysV", "0x2"),
				object(IpcKind.SYSV_SHM, "SysV", "0x1"));
		IpcProvider b = providing(Set.of(IpcKind.SECTION), object(IpcKind.SECTION, "Local", "Local\\b"),
				object(IpcKind.SECTION, "Global", "Global\\z"));
		List<String> names = Inventory.collect(List.of(a, b), Set.of()).objects().stream().map(IpcObject::name).toList();
		assertEquals(List.of("Global\\z", "Local\\b", "0x1", "0x2"), names);
	}

	@Test
	void aFailingProviderBecomesAProblemAndTheOthersStillCount() {
		IpcProvider broken = new IpcProvider() {
			@Override
			public Set<IpcKind> kinds() {
				return Set.of(IpcKind.POSIX_SHM);
			}

			@Override
			public ProviderResult list(InventoryRequest request) {
				throw new IllegalStateException("boom");
			}
		};
		IpcProvider fine = providing(Set.of(IpcKind.SYSV_SHM), object(IpcKind.SYSV_SHM, "SysV", "0x1"));
		InventorySnapshot snapshot = Inventory.collect(List.of(broken, fine), Set.of());
		assertEquals(1, snapshot.objects().size());
		assertEquals(1, snapshot.problems().size());
		assertTrue(snapshot.problems().get(0).contains("boom"), snapshot.problems().get(0));
	}

	@Test
	void kindFilterSkipsProvidersAndObjectsOfOtherKinds() {
		IpcProvider mixed = providing(Set.of(IpcKind.POSIX_SHM, IpcKind.SYSV_SHM),
				object(IpcKind.POSIX_SHM, "/dev/shm", "/a"), object(IpcKind.SYSV_SHM, "SysV", "0x1"));
		IpcProvider other = new IpcProvider() {
			@Override
			public Set<IpcKind> kinds() {
				return Set.of(IpcKind.SECTION);
			}

			@Override
			public ProviderResult list(InventoryRequest request) {
				throw new AssertionError("asked although its kinds were not wanted");
			}
		};
		InventorySnapshot snapshot = Inventory.collect(List.of(mixed, other), Set.of(IpcKind.POSIX_SHM));
		assertEquals(List.of("/a"), snapshot.objects().stream().map(IpcObject::name).toList());
		assertTrue(snapshot.problems().isEmpty());
	}

	@Test
	void eachProviderGetsItsShareOfTheKindsAndTheWholeRequestBesides() {
		List<InventoryRequest> asked = new java.util.ArrayList<>();
		IpcProvider recording = new IpcProvider() {
			@Override
			public Set<IpcKind> kinds() {
				return Set.of(IpcKind.FIFO, IpcKind.PIPE);
			}

			@Override
			public ProviderResult list(InventoryRequest request) {
				asked.add(request);
				return new ProviderResult(List.of(), List.of());
			}
		};
		List<java.nio.file.Path> directories = List.of(java.nio.file.Path.of("/a"), java.nio.file.Path.of("/b"));
		Inventory.collect(List.of(recording), new InventoryRequest(Set.of(IpcKind.FIFO, IpcKind.SECTION), directories));
		Inventory.collect(List.of(recording), InventoryRequest.all());
		assertEquals(List.of(new InventoryRequest(Set.of(IpcKind.FIFO), directories),
				new InventoryRequest(Set.of(IpcKind.FIFO, IpcKind.PIPE), List.of())), asked);
	}

	@Test
	void kindIdsRoundTrip() {
		for (IpcKind kind : IpcKind.values()) {
			assertEquals(kind, IpcKind.fromId(kind.id().toUpperCase()));
		}
	}

	@Test
	void objectsSharingANameKeepTheirOwnIdentity() {
		IpcObject listener = new IpcObject(IpcKind.UNIX_SOCKET, "@srv", "abstract", IpcObject.UNKNOWN_SIZE,
				Map.of(IpcObject.INODE, "10"));
		IpcObject accepted = new IpcObject(IpcKind.UNIX_SOCKET, "@srv", "abstract", IpcObject.UNKNOWN_SIZE,
				Map.of(IpcObject.INODE, "11"));
		assertTrue(!listener.identity().equals(accepted.identity()));
		assertEquals(object(IpcKind.FIFO, "/tmp", "/tmp/f").identity(), object(IpcKind.FIFO, "/tmp", "/tmp/f").identity());
	}
}
