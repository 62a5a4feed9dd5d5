package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventoryService;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A separate native process creates real POSIX and SysV segments; the providers must find them
 * with their sizes and owners, and must stop listing them once the process removed them.
 */
class SharedMemoryProvidersTest {

	private static final long POSIX_SIZE = 123_457;
	private static final long SYSV_SIZE = 2 * 1024 * 1024 + 3;

	@Test
	void findsSegmentsOfAnotherProcessAndForgetsThemWhenRemoved() throws Exception {
		String posixName = "/ipcscope-test-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
		int sysvKey = 0x1C500000 | ThreadLocalRandom.current().nextInt(0x100000);
		try (HelperProcess helper = HelperProcess.start(2, HelperProcess.helper("ipc_helper").toString(), "posix",
				posixName, Long.toString(POSIX_SIZE), "sysv", Integer.toString(sysvKey), Long.toString(SYSV_SIZE))) {
			InventorySnapshot snapshot = listDirectly();

			IpcObject posix = find(snapshot, IpcKind.POSIX_SHM, posixName).orElseThrow(
					() -> new AssertionError(posixName + " not listed; found " + snapshot.objects()));
			assertEquals(POSIX_SIZE, posix.size());
			assertEquals("/dev/shm", posix.namespace());
			assertEquals("rw-------", posix.details().get("Permissions"));
			assertEquals(UserNames.ofSystem().describe(uid()), posix.details().get("Owner"));
			assertNull(posix.problem());
			assertEquals(List.of(new Owner(helper.pid(), "ipc_helper", "mapped", "rw-s")), posix.owners());

			String sysvName = String.format("0x%08x", sysvKey);
			IpcObject sysv = find(snapshot, IpcKind.SYSV_SHM, sysvName).orElseThrow(
					() -> new AssertionError(sysvName + " not listed; found " + snapshot.objects()));
			assertEquals(SYSV_SIZE, sysv.size());
			assertEquals("SysV", sysv.namespace());
			assertEquals("1", sysv.details().get("Attach count"));
			assertEquals(Long.toString(helper.pid()), sysv.details().get("Creator pid"));
			assertEquals("640", sysv.details().get("Permissions"));
			assertEquals(helper.readyLines().get(1), "sysv " + sysv.details().get("Id"));
			assertEquals(List.of(new Owner(helper.pid(), "ipc_helper", "mapped", "rw-s")), sysv.owners());

			assertEquals(0, helper.finish());
			InventorySnapshot after = listDirectly();
			assertTrue(find(after, IpcKind.POSIX_SHM, posixName).isEmpty(), "POSIX segment still listed after removal");
			assertTrue(find(after, IpcKind.SYSV_SHM, sysvName).isEmpty(), "SysV segment still listed after removal");
		}
	}

	@Test
	void declarativeServicesWireTheProvidersIntoTheInventoryService() throws Exception {
		String posixName = "/ipcscope-ds-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "posix",
				posixName, "4096")) {
			var context = FrameworkUtil.getBundle(SharedMemoryProvidersTest.class).getBundleContext();
			ServiceTracker<InventoryService, InventoryService> tracker = new ServiceTracker<>(context,
					InventoryService.class, null);
			tracker.open();
			try {
				InventoryService service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
				assertNotNull(service, "no InventoryService registered: is Declarative Services running?");
				InventorySnapshot snapshot = service.refresh(Set.of(IpcKind.POSIX_SHM));
				assertEquals(4096, find(snapshot, IpcKind.POSIX_SHM, posixName).orElseThrow().size());
				assertTrue(snapshot.objects().stream().allMatch(o -> o.kind() == IpcKind.POSIX_SHM),
						"the kind filter let other kinds through");
			} finally {
				tracker.close();
			}
		}
	}

	private static InventorySnapshot listDirectly() {
		return Inventory.collect(List.of(new LinuxIpcProvider()), Set.of(IpcKind.POSIX_SHM, IpcKind.SYSV_SHM));
	}

	private static Optional<IpcObject> find(InventorySnapshot snapshot, IpcKind kind, String name) {
		return snapshot.objects().stream().filter(o -> o.kind() == kind && o.name().equals(name)).findFirst();
	}

	private static int uid() throws Exception {
		return (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
	}
}
