package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One native helper process creates an object of every Linux kind; the inventory must find each
 * with its attributes and the processes holding it.
 */
class LinuxInventoryTest {

	private static final int SEMAPHORES = 3;
	private static final int MESSAGE_BYTES = 10;
	private static final int MQ_BYTES = 20;

	@BeforeAll
	static void mqueueMounted() {
		// ./run-tests mounts it; without it the POSIX mqueue assertions could not run
		assertTrue(Files.isDirectory(Path.of("/dev/mqueue")), "/dev/mqueue is not mounted");
	}

	@Test
	void findsEveryKindWithItsOwners() throws Exception {
		long self = ProcessHandle.current().pid();
		int salt = ThreadLocalRandom.current().nextInt(0x10000);
		int semKey = 0x1C510000 | salt;
		int msgKey = 0x1C520000 | salt;
		String mq = "/ipcscope-mq-" + self + "-" + salt;
		String fifo = "/tmp/ipcscope-fifo-" + self + "-" + salt;
		String abstractName = "@ipcscope-abs-" + self + "-" + salt;
		String socketPath = "/tmp/ipcscope-sock-" + self + "-" + salt;
		try (HelperProcess helper = HelperProcess.start(9, HelperProcess.helper("ipc_helper").toString(), "sem",
				Integer.toString(semKey), Integer.toString(SEMAPHORES), "msg", Integer.toString(msgKey),
				Integer.toString(MESSAGE_BYTES), "mq", mq, Integer.toString(MQ_BYTES), "fifo", fifo, "pipe", "unix",
				abstractName, "unix", socketPath, "tcp", "udp")) {
			List<String> ready = helper.readyLines();
			long pid = helper.pid();
			// the helper's real uid, from the kernel's view of its process
			int uid = (Integer) Files.getAttribute(Path.of("/proc/" + pid), "unix:uid");
			InventorySnapshot snapshot = Inventory.collect(List.of(new LinuxIpcProvider()), Set.of());

			IpcObject sem = only(snapshot, IpcKind.SYSV_SEM, String.format("0x%08x", semKey));
			assertEquals(Integer.toString(SEMAPHORES), sem.details().get("Semaphores"));
			assertEquals(ready.get(0), "sem " + sem.details().get("Id"));
			assertEquals("600", sem.details().get("Permissions"));
			// the values beside the display strings are numbers: the key, the id, the owner's uid
			assertEquals(Integer.toUnsignedLong(semKey), sem.values().get("key"));
			assertEquals(Integer.parseInt(ready.get(0).split(" ")[1]), sem.values().get("id"));
			assertEquals(uid, sem.values().get("uid"));
			assertEquals(0600, sem.values().get("mode"));
			assertEquals((long) SEMAPHORES, sem.values().get("semaphores"));

			IpcObject msg = only(snapshot, IpcKind.SYSV_MSG, String.format("0x%08x", msgKey));
			assertEquals(MESSAGE_BYTES, msg.size());
			assertEquals("1", msg.details().get("Messages"));
			assertEquals("ipc_helper (" + pid + ")", msg.details().get("Last sender pid"));
			assertEquals(pid, msg.values().get("lastSenderPid"));
			assertEquals((long) MESSAGE_BYTES, msg.values().get("bytesQueued"));

			IpcObject queue = only(snapshot, IpcKind.POSIX_MQ, mq);
			assertEquals(MQ_BYTES, queue.size());
			assertEquals(List.of(new Owner(pid, "ipc_helper", queue.owners().get(0).handle(), "read/write")),
					queue.owners());
			assertEquals(uid, queue.values().get("uid"));
			assertEquals((long) MQ_BYTES, queue.values().get("bytesQueued"));

			IpcObject pipeFifo = only(snapshot, IpcKind.FIFO, fifo);
			assertEquals("/tmp", pipeFifo.namespace());
			assertEquals(Set.of("read", "write"), Set.copyOf(pipeFifo.owners().stream().map(Owner::access).toList()));
			assertTrue(pipeFifo.owners().stream().allMatch(o -> o.pid() == pid));
			assertEquals("1", pipeFifo.details().get("Readers"));
			assertEquals("1", pipeFifo.details().get("Writers"));
			assertEquals(uid, pipeFifo.values().get("uid"));
			assertEquals(1L, pipeFifo.values().get("readers"));

			String[] pipeLine = ready.get(4).split(" ");
			IpcObject pipe = only(snapshot, IpcKind.PIPE, "pipe:[" + pipeLine[1] + "]");
			long child = Long.parseLong(pipeLine[2]);
			assertEquals(Set.of(new Owner(pid, "ipc_helper", ownerHandle(pipe, pid), "write"),
					new Owner(child, "ipc_helper", ownerHandle(pipe, child), "read")), Set.copyOf(pipe.owners()));
			assertEquals("ipc_helper (" + child + ")", pipe.details().get("Read end"));
			assertEquals("ipc_helper (" + pid + ")", pipe.details().get("Write end"));
			assertEquals(List.of(child), pipe.values().get("readEndPids"));
			assertEquals(List.of(pid), pipe.values().get("writeEndPids"));
			assertEquals(Long.parseLong(pipeLine[1]), pipe.values().get("inode"));

			List<IpcObject> abstractSockets = all(snapshot, IpcKind.UNIX_SOCKET, abstractName);
			assertEquals(2, abstractSockets.size(), "listener and accepted connection: " + abstractSockets);
			assertTrue(abstractSockets.stream().allMatch(o -> o.namespace().equals("abstract") && heldBy(o, pid)));
			assertTrue(abstractSockets.stream().anyMatch(o -> "listening".equals(o.details().get("State"))));
			IpcObject accepted = abstractSockets.stream().filter(o -> "connected".equals(o.details().get("State")))
					.findFirst().orElseThrow();
			assertTrue(accepted.details().get("Peer").endsWith("held by ipc_helper (" + pid + ")"),
					accepted.details().get("Peer"));
			// the peer as numbers: its inode is a socket the helper holds, its pid the helper's
			assertEquals(pid, accepted.values().get("peerPid"));
			assertEquals(List.of(pid), accepted.values().get("peerPids"));
			Object peerInode = accepted.values().get("peerInode");
			assertTrue(snapshot.objects().stream().anyMatch(o -> o.kind() == IpcKind.UNIX_SOCKET
					&& peerInode.equals(o.values().get("inode")) && heldBy(o, pid)), "peer socket " + peerInode);
			assertEquals(2, all(snapshot, IpcKind.UNIX_SOCKET, socketPath).size());

			String port = ready.get(7).split(" ")[1];
			IpcObject listener = only(snapshot, IpcKind.TCP, "127.0.0.1:" + port);
			assertEquals("listening", listener.details().get("State"));
			assertTrue(heldBy(listener, pid));
			assertEquals(Integer.parseInt(port), listener.values().get("localPort"));
			assertEquals("127.0.0.1", listener.values().get("localAddress"));
			List<IpcObject> connections = snapshot.objects().stream().filter(o -> o.kind() == IpcKind.TCP
					&& o.name().contains("127.0.0.1:" + port) && !o.name().equals("127.0.0.1:" + port)).toList();
			assertEquals(2, connections.size(), "both ends of the loopback connection: " + connections);
			assertTrue(connections.stream().allMatch(o -> "established".equals(o.details().get("State")) && heldBy(o, pid)));

			IpcObject udp = only(snapshot, IpcKind.UDP, "127.0.0.1:" + ready.get(8).split(" ")[1]);
			assertTrue(heldBy(udp, pid));

			assertEquals(0, helper.finish());
			InventorySnapshot after = Inventory.collect(List.of(new LinuxIpcProvider()), Set.of());
			for (String gone : List.of(String.format("0x%08x", semKey), String.format("0x%08x", msgKey), mq, fifo,
					abstractName, socketPath, "127.0.0.1:" + port)) {
				assertFalse(after.objects().stream().anyMatch(o -> o.name().equals(gone)), gone + " still listed");
			}
		}
	}

	@Test
	void oddNamesComeThroughUnchanged() throws Exception {
		long self = ProcessHandle.current().pid();
		String spaced = "/ipcscope odd name " + self;
		String unicode = "/ipcscope-ünïcödé-日本-" + self;
		String longName = "/ipcscope-long-" + self + "-" + "x".repeat(200);
		String pathLike = "/ipcscope-C:\\Windows\\looks..like\\a path-" + self;
		String fifo = "/tmp/ipcscope fifo ö " + self;
		try (HelperProcess helper = HelperProcess.start(5, HelperProcess.helper("ipc_helper").toString(), "posix",
				spaced, "1", "posix", unicode, "2", "posix", longName, "3", "posix", pathLike, "4", "fifo", fifo)) {
			InventorySnapshot snapshot = Inventory.collect(List.of(new LinuxIpcProvider()),
					Set.of(IpcKind.POSIX_SHM, IpcKind.FIFO));
			assertEquals(1, only(snapshot, IpcKind.POSIX_SHM, spaced).size());
			assertEquals(2, only(snapshot, IpcKind.POSIX_SHM, unicode).size());
			assertEquals(3, only(snapshot, IpcKind.POSIX_SHM, longName).size());
			assertEquals(4, only(snapshot, IpcKind.POSIX_SHM, pathLike).size());
			assertTrue(heldBy(only(snapshot, IpcKind.FIFO, fifo), helper.pid()));
		}
	}

	@Test
	void fifosNobodyHoldsAreFoundInDirectoriesTheUserAdds() throws Exception {
		Path dir = Files.createTempDirectory("ipcscope-fifos");
		Path fifo = dir.resolve("idle fifo");
		assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
		try {
			InventoryRequest fifos = InventoryRequest.of(Set.of(IpcKind.FIFO));
			IpcObject found = only(Inventory.collect(List.of(new LinuxIpcProvider()), fifos.withFifoDirectories(List.of(dir))),
					IpcKind.FIFO, fifo.toString());
			assertTrue(found.owners().isEmpty());
			assertEquals("0", found.details().get("Readers"));
			// the directory was searched above: without it in the request, the same refresh misses the FIFO
			assertTrue(all(Inventory.collect(List.of(new LinuxIpcProvider()), fifos), IpcKind.FIFO, fifo.toString())
					.isEmpty(), "an idle FIFO outside the request's directories is not expected");
		} finally {
			Files.delete(fifo);
			Files.delete(dir);
		}
	}

	@Test
	void unlinkedButMappedSegmentIsStillListed() throws Exception {
		String name = "/ipcscope-unlinked-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "posix",
				name, "8192")) {
			Files.delete(Path.of("/dev/shm" + name));
			IpcObject segment = only(Inventory.collect(List.of(new LinuxIpcProvider()), Set.of(IpcKind.POSIX_SHM)),
					IpcKind.POSIX_SHM, name);
			assertEquals("unlinked, still held", segment.details().get("State"));
			assertEquals(8192, segment.size());
			assertTrue(heldBy(segment, helper.pid()));
		}
	}

	private static boolean heldBy(IpcObject object, long pid) {
		return object.owners().stream().anyMatch(o -> o.pid() == pid);
	}

	private static String ownerHandle(IpcObject object, long pid) {
		return object.owners().stream().filter(o -> o.pid() == pid).findFirst().orElseThrow().handle();
	}

	private static List<IpcObject> all(InventorySnapshot snapshot, IpcKind kind, String name) {
		Predicate<IpcObject> match = o -> o.kind() == kind && o.name().equals(name);
		return snapshot.objects().stream().filter(match).toList();
	}

	private static IpcObject only(InventorySnapshot snapshot, IpcKind kind, String name) {
		List<IpcObject> found = all(snapshot, kind, name);
		assertEquals(1, found.size(), kind + " " + name + " found " + found.size() + " times");
		return found.get(0);
	}
}
