package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.text.NameBytes;
import org.ipcscope.tests.support.BlockedFifoWriter;
import org.ipcscope.tests.support.ByteArguments;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/**
 * Names as the system has them: a byte that is not UTF-8 and a trailing space are part of the
 * name, and what lies in /dev/shm (everyone's directory) is opened only if it is a regular file:
 * a link or a FIFO planted there is refused with what it is, and never opened, which would wake
 * a writer blocked on the FIFO.
 */
class SegmentNamesTest {

	private final LinuxMemorySourceProvider provider = new LinuxMemorySourceProvider();

	private static String unique(String what) {
		return "ipcscope-" + what + "-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	private static byte[] bytes(String text, int... raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		for (int b : raw) {
			out.write(b);
		}
		return out.toByteArray();
	}

	@Test
	void aNameThatIsNotUtf8IsListedAndOpensByteForByte() throws Exception {
		byte[] raw = bytes("/" + unique("raw") + "-", 0xff, 'e', 0xe9);
		String name = NameBytes.decode(raw);
		try (HelperProcess helper = HelperProcess.start(1,
				ByteArguments.command(HelperProcess.helper("ipc_helper").toString(), "posix", raw, "64"))) {
			IpcObject found = provider.lookup(name, "/dev/shm").orElseThrow(() -> new AssertionError("not found by its name"));
			assertEquals(name, found.name());
			try (MemorySource source = provider.open(found, false)) {
				assertEquals('B', source.read(0, 1).bytes()[0], "the helper's segment, read");
			}
			List<IpcObject> listed = Inventory.collect(List.of(new LinuxIpcProvider()), Set.of(IpcKind.POSIX_SHM)).objects();
			IpcObject row = listed.stream().filter(o -> o.name().equals(name)).findFirst()
					.orElseThrow(() -> new AssertionError("not listed under its exact name"));
			assertTrue(row.owners().stream().anyMatch(o -> o.pid() == helper.pid()), "its holder: " + row.owners());
			try (MemorySource source = provider.open(row, false)) {
				assertEquals(64, source.size());
			}
		}
	}

	@Test
	void aTrailingSpaceIsPartOfTheName() throws Exception {
		String name = "/" + unique("space");
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "posix", name,
				"64")) {
			assertTrue(provider.lookup(name, "/dev/shm").isPresent(), "the segment itself");
			assertTrue(provider.lookup(name + " ", "/dev/shm").isEmpty(), "'" + name + " ' is another name");
			assertTrue(provider.lookup(" " + name, null).isEmpty(), "' " + name + "' is another name");
		}
	}

	@Test
	void aLinkOrFifoInDevShmIsRefusedAndNeverOpened() throws Exception {
		assumeTrue(uid() == 0, "root opening what anyone planted in /dev/shm is the danger; this runs as uid " + uid());
		Path directory = Files.createTempDirectory("ipcscope-fifo");
		Path fifo = directory.resolve("fifo");
		String link = unique("link");
		String shmFifo = unique("fifo");
		Path linkPath = Path.of("/dev/shm", link);
		Path shmFifoPath = Path.of("/dev/shm", shmFifo);
		try {
			BlockedFifoWriter.mkfifo(fifo);
			BlockedFifoWriter.mkfifo(shmFifoPath);
			Files.createSymbolicLink(linkPath, fifo);
			try (BlockedFifoWriter linkWriter = BlockedFifoWriter.start(fifo);
					BlockedFifoWriter shmWriter = BlockedFifoWriter.start(shmFifoPath)) {
				IOException linked = assertThrows(IOException.class, () -> provider.lookup("/" + link, null));
				assertEquals(linkPath + " is a symbolic link, not a shared memory segment", linked.getMessage());
				IOException piped = assertThrows(IOException.class, () -> provider.lookup("/" + shmFifo, "/dev/shm"));
				assertEquals(shmFifoPath + " is a FIFO, not a shared memory segment", piped.getMessage());
				// as if listed a moment before the swap: opening checks what it opened, not the listing
				for (String name : List.of(link, shmFifo)) {
					IpcObject stale = new IpcObject(IpcKind.POSIX_SHM, "/" + name, "/dev/shm", 0, Map.of());
					IOException refused = assertThrows(IOException.class, () -> provider.open(stale, false).close());
					assertTrue(refused.getMessage().endsWith(", not a shared memory segment"), refused.getMessage());
				}
				// the refusals above came first: the writers still wait for a reader
				assertTrue(linkWriter.isBlocked(), "the writer on the linked FIFO was woken: a reader opened it");
				assertTrue(shmWriter.isBlocked(), "the writer on the FIFO in /dev/shm was woken: a reader opened it");
			}
		} finally {
			Files.deleteIfExists(linkPath);
			Files.deleteIfExists(shmFifoPath);
			Files.deleteIfExists(fifo);
			Files.deleteIfExists(directory);
		}
	}

	/** This process's effective uid: /proc/self is owned by it. */
	static int uid() throws IOException {
		return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
	}
}
