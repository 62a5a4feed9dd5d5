package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.memory.MemorySources;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ipcscope.tests.support.Waits;

/**
 * Opens segments another process created, by name and from the inventory, reads them while
 * that process changes them, writes that a third process sees, and notices removal.
 */
class LinuxMemorySourcesTest {

	private final LinuxMemorySourceProvider provider = new LinuxMemorySourceProvider();

	private static String uniqueName(String what) {
		return "/ipcscope-" + what + "-" + ProcessHandle.current().pid() + "-"
				+ ThreadLocalRandom.current().nextInt(1_000_000);
	}

	private static HelperProcess helper(int objects, String... arguments) throws IOException {
		String[] command = new String[arguments.length + 1];
		command[0] = HelperProcess.helper("ipc_helper").toString();
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		return HelperProcess.start(objects, command);
	}

	@Test
	void posixCounterIsSeenChangingThenGone() throws Exception {
		String name = uniqueName("counter");
		try (HelperProcess counter = helper(1, "counter", name, "4096")) {
			IpcObject object = provider.lookup(name, "/dev/shm").orElseThrow();
			assertEquals(4096, object.size());
			try (MemorySource source = provider.open(object, false)) {
				int first = counterValue(source);
				Waits.until(() -> counterValue(source) > first, "the counter to advance past " + first);
				assertFalse(source.canWrite());
				assertThrows(IOException.class, () -> source.write(0, new byte[1]));
				assertEquals(0, counter.finish());
				assertThrows(SourceGoneException.class, () -> source.read(0, 16));
			}
		}
	}

	private static int counterValue(MemorySource source) throws IOException {
		return ByteBuffer.wrap(source.read(16, 4).bytes()).order(ByteOrder.nativeOrder()).getInt();
	}

	@Test
	void sysvByKeyAndByIdReadWriteAndRemoval() throws Exception {
		int key = 0x1D500000 | ThreadLocalRandom.current().nextInt(0x100000);
		int size = 10_000;
		try (HelperProcess owner = helper(1, "sysv", Integer.toString(key), Integer.toString(size))) {
			String shmid = owner.readyLines().get(0).substring("sysv ".length());
			IpcObject byKey = provider.lookup(String.format("0x%08x", key), null).orElseThrow();
			assertEquals(IpcKind.SYSV_SHM, byKey.kind());
			assertEquals(size, byKey.size());
			assertEquals(shmid, byKey.details().get("Id"));
			assertEquals(shmid, provider.lookup("#" + shmid, "SysV").orElseThrow().details().get("Id"));
			assertTrue(provider.lookup("0x7ffffff0", "SysV").isEmpty() || key == 0x7ffffff0);

			try (HelperProcess observer = helper(1, "observe", "sysv", shmid, "100", "4");
					MemorySource reader = provider.open(byKey, false);
					MemorySource writer = provider.open(byKey, true)) {
				observer.awaitLine("SEEN 00000000"::equals, Duration.ofSeconds(10));
				assertEquals(size, reader.size());
				assertThrows(IOException.class, () -> reader.write(100, new byte[4]));
				writer.write(100, new byte[] { 1, 2, 3, 4 });
				assertArrayEquals(new byte[] { 1, 2, 3, 4 }, reader.read(100, 4).bytes());
				observer.awaitLine("SEEN 01020304"::equals, Duration.ofSeconds(10));

				MemoryRead tail = reader.read(size - 2, 4);
				assertEquals(2, tail.unreadable().nextSetBit(0), "past the end is unreadable, not a crash");
				assertThrows(IOException.class, () -> writer.write(size - 1, new byte[2]));

				assertEquals(0, owner.finish());
				assertThrows(SourceGoneException.class, () -> reader.read(0, 4),
						"removed while still attached here: gone all the same");
			}
		}
	}

	@Test
	void opensWhatTheInventoryLists() throws Exception {
		String name = uniqueName("listed");
		try (HelperProcess helper = helper(1, "counter", name, "8192")) {
			MemorySources sources = MemorySources.fromServiceLoader();
			assertFalse(sources.isEmpty(), "no provider in META-INF/services");
			List<IpcObject> listed = Inventory.collect(List.of(new LinuxIpcProvider()), Set.of(IpcKind.POSIX_SHM))
					.objects();
			IpcObject object = listed.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
			try (MemorySource source = sources.open(object, false)) {
				assertEquals("636f756e746572", HexFormat.of().formatHex(source.read(4, 7).bytes()));
			}
		}
	}

	@Test
	void unknownNamesAreEmptyNotErrors() throws IOException {
		assertTrue(provider.lookup("/ipcscope-no-such-" + System.nanoTime(), null).isEmpty());
		assertTrue(provider.lookup("a/b", "/dev/shm").isEmpty());
		assertTrue(provider.lookup("#2147483647", "SysV").isEmpty());
		assertTrue(provider.lookup("not a name", null).isEmpty());
	}

	@Test
	void declarativeServicesRegisterTheProvider() throws Exception {
		var context = FrameworkUtil.getBundle(LinuxMemorySourcesTest.class).getBundleContext();
		ServiceTracker<MemorySourceService, MemorySourceService> tracker = new ServiceTracker<>(context,
				MemorySourceService.class, null);
		tracker.open();
		try {
			MemorySourceService service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
			assertNotNull(service, "no MemorySourceService registered");
			Waits.until(() -> service.namespaces().contains("SysV"), "the SysV namespace");
			assertEquals(List.of("/dev/shm", "SysV"), service.namespaces());
		} finally {
			tracker.close();
		}
	}
}
