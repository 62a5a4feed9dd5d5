package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.CapturedMessage.Kind;
import org.ipcscope.core.sniff.MessageHandles;
import org.junit.jupiter.api.Test;

/**
 * A message whose lParam is a descriptor of its sender finds the object the sender holds through
 * it, in a real inventory: this test process opens a POSIX shared memory object (a file in
 * /dev/shm, as shm_open makes one) and keeps the descriptor, the Linux provider lists it with that
 * descriptor among its owners, and the lookup takes the message's pid and number to it.
 */
class MessageHandlesTest {

	@Test
	void aSendersDescriptorInLParamLeadsToTheSharedMemoryItHolds() throws Exception {
		long pid = ProcessHandle.current().pid();
		Path shm = Path.of("/dev/shm", "ipcscope-msghandle-" + pid);
		try (FileChannel channel = FileChannel.open(shm, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
				StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[4096]));
			long fd = descriptorOf(shm);
			InventorySnapshot snapshot = Inventory.collect(List.of(new LinuxIpcProvider()), Set.of(IpcKind.POSIX_SHM));
			CapturedMessage handle = new CapturedMessage(1, 0, Kind.SENT, 0xc1a1, "Handle", 7, fd, pid, -1, 0x1a2b, 0,
					0, new byte[0], 1);

			IpcObject found = MessageHandles.find(snapshot.objects(), MessageHandles.candidates(handle)).orElseThrow(
					() -> new AssertionError("no object for fd " + fd + " of " + pid + " in " + snapshot.objects().size()));
			assertEquals(IpcKind.POSIX_SHM, found.kind());
			assertEquals("/" + shm.getFileName(), found.name());
			assertEquals(4096, found.size());

			// the "Handle" recipe: the pid in wParam, the descriptor in lParam, no sender told
			CapturedMessage recipe = new CapturedMessage(2, 0, Kind.POSTED, 0xc1a1, "Handle", pid, fd, -1, -1, 0x1a2b,
					0, 0, new byte[0], CapturedMessage.UNKNOWN_RESULT);
			assertEquals(found, MessageHandles.find(snapshot.objects(), MessageHandles.candidates(recipe)).orElseThrow());

			// after the positive finds: a number that is no descriptor of the shm, another process, WM_COPYDATA
			CapturedMessage other = new CapturedMessage(3, 0, Kind.SENT, 0xc1a1, "Handle", 7, fd + 1000, pid, -1,
					0x1a2b, 0, 0, new byte[0], 1);
			assertTrue(MessageHandles.find(snapshot.objects(), MessageHandles.candidates(other)).isEmpty());
			CapturedMessage elsewhere = new CapturedMessage(4, 0, Kind.SENT, 0xc1a1, "Handle", 1, fd, -1, -1, 0x1a2b,
					0, 0, new byte[0], 1);
			assertTrue(MessageHandles.find(snapshot.objects(), MessageHandles.candidates(elsewhere)).isEmpty());
			CapturedMessage copyData = new CapturedMessage(5, 0, pid, pid, 0x1a2b, 0, 0, new byte[0], 1);
			assertTrue(MessageHandles.candidates(copyData).isEmpty(), "WM_COPYDATA's wParam is a window");
		} finally {
			Files.deleteIfExists(shm);
		}
	}

	/** @return the descriptor through which this process holds {@code file}, from /proc/self/fd */
	private static long descriptorOf(Path file) throws Exception {
		try (var links = Files.list(Path.of("/proc/self/fd"))) {
			for (Path link : links.toList()) {
				try {
					if (Files.readSymbolicLink(link).equals(file)) {
						return Long.parseLong(link.getFileName().toString());
					}
				} catch (java.io.IOException e) {
					// the descriptor of the listing itself is gone by now
				}
			}
		}
		throw new AssertionError("no descriptor of " + file);
	}
}
