package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessAccessException;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/** Another process's regions and bytes: a marker in its heap, a gap in its mappings, its exit. */
class ProcessMemoryTest {

	private final LinuxProcessMemoryProvider provider = new LinuxProcessMemoryProvider();

	@Test
	void findsTheHeapMarkerWhereTheHelperSaysItIs() throws Exception {
		String marker = "IPCSCOPE-MARKER-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "marker",
				marker)) {
			long address = Long.parseUnsignedLong(helper.readyLines().get(0).split(" ")[1].substring(2), 16);
			List<MemoryRegion> regions = provider.regions(helper.pid());
			MemoryRegion heap = regions.stream().filter(r -> r.contains(address)).findFirst()
					.orElseThrow(() -> new AssertionError("no region holds 0x" + Long.toHexString(address)));
			assertEquals("[heap]", heap.tag());
			assertTrue(heap.isReadable());
			assertTrue(regions.stream().anyMatch(r -> r.tag().equals("[stack]")));
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				MemoryRead read = memory.read(address, marker.length());
				assertTrue(read.isComplete());
				assertEquals(marker, new String(read.bytes(), StandardCharsets.US_ASCII));
				assertThrows(java.io.IOException.class, () -> memory.write(address, new byte[] { 1 }),
						"read-only unless writing was enabled");
			}
		}
	}

	@Test
	void theProcessListShowsTheHelperWithItsPathUserBitnessAndStartTime() throws Exception {
		java.time.Instant before = java.time.Instant.now().minusSeconds(2);
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "marker",
				"listed")) {
			org.ipcscope.core.process.ProcessInfo info = provider.processes().stream()
					.filter(p -> p.pid() == helper.pid()).findFirst()
					.orElseThrow(() -> new AssertionError("helper " + helper.pid() + " not listed"));
			assertEquals("ipc_helper", info.name());
			assertEquals(HelperProcess.helper("ipc_helper").toRealPath().toString(), info.imagePath());
			int uid = (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
			assertTrue(info.user().endsWith("(" + uid + ")") || info.user().equals(Integer.toString(uid)), info.user());
			assertEquals(64, info.bitness());
			java.time.Instant start = info.startTime().orElseThrow();
			assertTrue(start.isAfter(before) && start.isBefore(java.time.Instant.now().plusSeconds(2)),
					"start time " + start);
		}
	}

	@Test
	void readsAcrossAnUnmappedGapShowUnreadableBytesNotErrors() throws Exception {
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "gap")) {
			long first = Long.parseUnsignedLong(helper.readyLines().get(0).split(" ")[1].substring(2), 16);
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				MemoryRead read = memory.read(first + 4096 - 16, 4096 + 32);
				assertTrue(read.isReadable(0));
				assertEquals(0x11, read.bytes()[15]);
				assertFalse(read.isReadable(16), "the unmapped page reads as ??");
				assertFalse(read.isReadable(16 + 4095));
				assertTrue(read.isReadable(16 + 4096));
				assertEquals(0x33, read.bytes()[16 + 4096]);
			}
		}
	}

	@Test
	void aWriteWhenEnabledLandsInTheProcessesMemory() throws Exception {
		String marker = "WRITE-ME-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "marker",
				marker)) {
			long address = Long.parseUnsignedLong(helper.readyLines().get(0).split(" ")[1].substring(2), 16);
			try (MemorySource memory = provider.open(helper.pid(), true)) {
				memory.write(address, "X".getBytes(StandardCharsets.US_ASCII));
				assertEquals("XRITE-ME-", new String(memory.read(address, 9).bytes(), StandardCharsets.US_ASCII));
			}
		}
	}

	@Test
	void anExitedProcessIsToldClearly() throws Exception {
		HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "marker", "x");
		MemorySource memory = provider.open(helper.pid(), false);
		long pid = helper.pid();
		assertEquals(0, helper.finish());
		assertThrows(SourceGoneException.class, () -> memory.read(0x1000, 16));
		ProcessAccessException gone = assertThrows(ProcessAccessException.class, () -> provider.regions(pid));
		assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
	}

	@Test
	void mapsLinesBecomeRegions() {
		List<MemoryRegion> regions = ProcMaps.parse("""
				55d0c0000000-55d0c0021000 rw-p 00000000 00:00 0                          [heap]
				7f1a2b000000-7f1a2b010000 rw-s 00000000 00:1a 4242                       /dev/shm/my segment
				7ffc1000-7ffc2000 r-xp 00000000 00:00 0                                  [vdso]
				""");
		assertEquals(3, regions.size());
		assertEquals(new MemoryRegion(0x55d0c0000000L, 0x55d0c0021000L, "rw-p", "private", "[heap]", "[heap]"), regions.get(0));
		assertEquals("shared", regions.get(1).type());
		assertEquals("/dev/shm/my segment", regions.get(1).path());
		assertEquals("[vdso]", regions.get(2).tag());
	}
}
