package org.ipcscope.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.junit.jupiter.api.Test;

class MemorySourcesTest {

	private static final IpcObject SEGMENT = new IpcObject(IpcKind.POSIX_SHM, "/a", "/dev/shm", 4, Map.of());
	private static final IpcObject SECTION = new IpcObject(IpcKind.SECTION, "Local\\a", "Local", 4, Map.of());

	private record Provider(String namespace, IpcKind kind, MemorySource source) implements MemorySourceProvider {
		@Override
		public List<String> namespaces() {
			return List.of(namespace);
		}

		@Override
		public Optional<IpcObject> lookup(String name, String ns) {
			return name.equals("/a") ? Optional.of(SEGMENT) : Optional.empty();
		}

		@Override
		public boolean canOpen(IpcObject object) {
			return object.kind() == kind;
		}

		@Override
		public MemorySource open(IpcObject object, boolean writable) {
			return source;
		}
	}

	@Test
	void theProviderThatHandlesTheKindOpens() throws IOException {
		ByteArraySource posix = new ByteArraySource(4);
		MemorySources sources = new MemorySources(List.of(new Provider("Local", IpcKind.SECTION, new ByteArraySource(1)),
				new Provider("/dev/shm", IpcKind.POSIX_SHM, posix)));
		assertSame(posix, sources.open(SEGMENT, false));
		assertEquals(List.of("Local", "/dev/shm"), sources.namespaces());
		assertTrue(sources.canOpen(SECTION));
		assertEquals(Optional.of(SEGMENT), sources.lookup("/a", "/dev/shm"));
		assertEquals(Optional.empty(), sources.lookup("/b", null));
	}

	@Test
	void noProviderIsAnErrorThatSaysSo() {
		MemorySources none = new MemorySources(List.of());
		assertFalse(none.canOpen(SEGMENT));
		IOException e = assertThrows(IOException.class, () -> none.open(SEGMENT, false));
		assertTrue(e.getMessage().contains("no memory provider"), e.getMessage());
	}
}
