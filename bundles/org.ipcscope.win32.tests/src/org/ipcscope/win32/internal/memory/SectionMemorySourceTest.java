package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.core.hex.ViewportReader;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.win32.internal.WinHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A Local\ section of another process, opened as the hex editor does, watched while it changes. */
@EnabledOnOs(OS.WINDOWS)
class SectionMemorySourceTest {

	private final String name = "ipcscope-hex-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
	private final WindowsMemorySourceProvider provider = new WindowsMemorySourceProvider();

	@Test
	void theEditorsModelSeesACounterChangeAndMarksItsBytes() throws Exception {
		try (WinHelper helper = WinHelper.start()) {
			helper.command("counter", name);
			IpcObject section = provider.lookup(name, "Local").orElseThrow(() -> new AssertionError(name + " not found"));
			assertEquals(IpcKind.SECTION, section.kind());
			assertEquals("Local\\" + name, section.name());
			assertEquals(4096, section.size());
			try (MemorySource source = provider.open(section, false)) {
				ViewportReader reader = new ViewportReader(source, 4);
				Viewport first = reader.refresh(0, 64);
				int before = ByteBuffer.wrap(first.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
				// read again until the helper's next tick lands (every 100 ms; a busy machine may be slower)
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				Viewport second;
				int after;
				do {
					assertTrue(System.nanoTime() < deadline, "the counter did not move from " + before + " in 30 s");
					second = reader.refresh(0, 64);
					after = ByteBuffer.wrap(second.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
				} while (after == before);
				assertTrue(after > before, before + " -> " + after);
				assertTrue(second.isChanged(16), "the counter's low byte is marked changed");
				assertFalse(second.isChanged(0), "a byte nobody writes is not marked");
				assertTrue(second.isReadable(63));
			}
		}
	}

	@Test
	void readsPastTheEndAreUnreadableAndWritesNeedWritableSources() throws Exception {
		try (WinHelper helper = WinHelper.start()) {
			helper.command("section", name, "100000");
			IpcObject section = provider.lookup("Local\\" + name, null).orElseThrow();
			assertEquals(102400, section.size(), "Wine rounds the size up to pages, as Windows does for the view");
			try (MemorySource source = provider.open(section, false)) {
				MemoryRead tail = source.read(section.size() - 4, 8);
				assertTrue(tail.isReadable(3));
				assertFalse(tail.isReadable(4), "bytes past the end are unreadable, not an error");
				assertThrows(IOException.class, () -> source.write(0, new byte[] { 7 }));
			}
			try (MemorySource writable = provider.open(section, true)) {
				writable.write(10, new byte[] { 42 });
			}
			assertEquals("42", helper.command("peek", "Local\\" + name, "10").get("byte"), "the other process sees the write");
		}
	}

	@Test
	void unknownNamesAreNotFound() throws Exception {
		assertTrue(provider.lookup(name + "-none", "Local").isEmpty());
		assertEquals("Global\\x", WindowsMemorySourceProvider.userName("x", "Global"));
		assertEquals("Local\\x", WindowsMemorySourceProvider.userName("x", null));
	}
}
