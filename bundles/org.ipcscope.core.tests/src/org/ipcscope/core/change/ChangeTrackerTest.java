package org.ipcscope.core.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.junit.jupiter.api.Test;

class ChangeTrackerTest {

	private static IpcObject segment(String name, long size) {
		return new IpcObject(IpcKind.POSIX_SHM, name, "/dev/shm", size, Map.of());
	}

	private static Map<String, String> marks(ChangeTracker tracker, IpcObject... objects) {
		return tracker.update(new InventorySnapshot(Instant.now(), List.of(objects), List.of())).stream()
				.collect(Collectors.toMap(t -> t.object().name(), t -> t.change() + "/" + t.age(), (a, b) -> a, TreeMap::new));
	}

	@Test
	void firstLookMarksNothing() {
		assertEquals(Map.of("/a", "UNCHANGED/0"), marks(new ChangeTracker(3), segment("/a", 1)));
	}

	@Test
	void marksStayForTheGivenNumberOfRefreshes() {
		ChangeTracker tracker = new ChangeTracker(2);
		marks(tracker, segment("/a", 1), segment("/gone", 1));
		assertEquals(Map.of("/a", "CHANGED/0", "/b", "ADDED/0", "/gone", "REMOVED/0"),
				marks(tracker, segment("/a", 2), segment("/b", 1)));
		assertEquals(Map.of("/a", "CHANGED/1", "/b", "ADDED/1", "/gone", "REMOVED/1"),
				marks(tracker, segment("/a", 2), segment("/b", 1)));
		assertEquals(Map.of("/a", "UNCHANGED/0", "/b", "UNCHANGED/0"),
				marks(tracker, segment("/a", 2), segment("/b", 1)));
	}

	@Test
	void aChangeDuringTheMarkRestartsIt() {
		ChangeTracker tracker = new ChangeTracker(3);
		marks(tracker, segment("/a", 1));
		marks(tracker, segment("/a", 2));
		assertEquals(Map.of("/a", "CHANGED/0"), marks(tracker, segment("/a", 3)));
	}

	@Test
	void comingBackAfterRemovalIsAnAddition() {
		ChangeTracker tracker = new ChangeTracker(3);
		marks(tracker, segment("/a", 1));
		marks(tracker);
		assertEquals(Map.of("/a", "ADDED/0"), marks(tracker, segment("/a", 1)));
	}

	@Test
	void rejectsNoMemory() {
		assertThrows(IllegalArgumentException.class, () -> new ChangeTracker(0));
	}
}
