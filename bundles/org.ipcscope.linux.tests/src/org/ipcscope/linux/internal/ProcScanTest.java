package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/**
 * The native /proc scanner built with the bundle must run here, and must find what the Java
 * scan finds: the same descriptors with the same open modes, the same shared mappings, the
 * same Unix socket peers as a netlink query through JNA.
 */
class ProcScanTest {

	private static final Path PROC = Path.of("/proc");

	@Test
	void scannerIsBuiltAndRuns() {
		assertNotNull(NativeHelper.PROC_SCANNER.path(), "native/amd64/ipcscope-proc is missing from the bundle");
		ProcScan.Result result = ProcScan.run(PROC, true, true);
		assertNotNull(result, "the scanner failed");
		long self = ProcessHandle.current().pid();
		assertTrue(result.processes().stream().anyMatch(p -> p.pid() == self && !p.descriptors().isEmpty()));
		assertNotNull(result.peers());
		assertNull(result.peersProblem());
	}

	@Test
	void nativeAndJavaScansAgreeOnAHelpersObjects() throws Exception {
		long self = ProcessHandle.current().pid();
		int salt = ThreadLocalRandom.current().nextInt(0x10000);
		String segment = "/ipcscope-scan-" + self + "-" + salt;
		String fifo = "/tmp/ipcscope-scan-fifo-" + self + "-" + salt;
		try (HelperProcess helper = HelperProcess.start(6, HelperProcess.helper("ipc_helper").toString(), "posix",
				segment, "8192", "sysv", Integer.toString(0x1C530000 | salt), "4096", "fifo", fifo, "pipe", "unix",
				"@ipcscope-scan-" + self + "-" + salt, "tcp")) {
			helper.readyLines();
			long pid = helper.pid();
			ProcessTable scanned = ProcessTable.scan(PROC, true, true);
			ProcessTable java = ProcessTable.scanInJava(PROC, true);

			Set<String> held = descriptors(scanned, pid);
			assertTrue(held.stream().anyMatch(d -> d.startsWith(fifo + " ")), held::toString);
			assertTrue(held.stream().anyMatch(d -> d.startsWith("pipe:[")), held::toString);
			assertEquals(descriptors(java, pid), held);
			assertEquals(mappings(java, pid), mappings(scanned, pid));
			// the helper maps its POSIX segment and closes the descriptor; the SysV one is attached
			assertTrue(mappings(scanned, pid).containsKey("/dev/shm" + segment), mappings(scanned, pid)::toString);
			assertTrue(mappings(scanned, pid).keySet().stream().anyMatch(p -> p.startsWith("/SYSV")));
			assertEquals(java.name(pid), scanned.name(pid));
			// older kernels have no PROCMAP_QUERY: the scanner's reading of maps' text must agree
			assertEquals(mappings(scanned, pid), mappingsOf(pid, textMaps()));

			Map<Long, Long> peers = scanned.unixSocketPeers();
			Map<Long, Long> viaJna = UnixSocketPeers.read();
			long helperSockets = 0;
			for (ProcessTable.Descriptor d : scanned.descriptors()) {
				if (d.pid() == pid && d.target().startsWith("socket:[")) {
					long inode = Long.parseLong(d.target().substring(8, d.target().length() - 1));
					assertEquals(viaJna.get(inode), peers.get(inode), "peer of " + d.target());
					helperSockets++;
				}
			}
			assertTrue(helperSockets >= 3, "the helper's sockets were not seen");
		}
	}

	@Test
	void oddTargetsAndMappingsDecodeByteForByte() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		field(out, "p", "42", "0", "a b\n");
		field(out, "f", "3", Integer.toString(0120600), Integer.toString(0010644), "64770", "/tmp/new\nline \u00fc");
		field(out, "f", "4", "-1", "-1", "-1", "socket:[77]");
		field(out, "m", "rw-s", "8192", "123", "/dev/shm/with space (deleted)");
		field(out, "p", "43", "1", "other");
		field(out, "u", "77", "78");
		ProcScan.Result result = ProcScan.decode(out.toByteArray(), true);

		assertEquals(2, result.processes().size());
		ProcessTable.ProcessRecord first = result.processes().get(0);
		assertEquals("a b", first.name());
		assertEquals(List.of(new ProcessTable.Descriptor(42, 3, "/tmp/new\nline \u00fc", 0120600, 0010644, 64770),
				new ProcessTable.Descriptor(42, 4, "socket:[77]")), first.descriptors());
		assertEquals(List.of(new ProcessTable.Mapping(42, "/dev/shm/with space (deleted)", 123, 0x2000, "rw-s")),
				first.mappings());
		assertTrue(result.processes().get(1).hidden());
		assertEquals(Map.of(77L, 78L), result.peers());
	}

	@Test
	void cutOutputIsRefusedNotMisread() {
		byte[] cut = "p\u000042\u00000\u0000na".getBytes(StandardCharsets.UTF_8);
		assertThrows(IllegalStateException.class, () -> ProcScan.decode(cut, false));
	}

	private static void field(ByteArrayOutputStream out, String... fields) {
		for (String f : fields) {
			out.writeBytes(f.getBytes(StandardCharsets.UTF_8));
			out.write(0);
		}
	}

	/** "target access" of each descriptor the process holds. */
	private static Set<String> descriptors(ProcessTable table, long pid) {
		Set<String> held = new TreeSet<>();
		for (ProcessTable.Descriptor d : table.descriptors()) {
			if (d.pid() == pid) {
				held.add(d.target() + " " + table.access(d));
			}
		}
		return held;
	}

	/** The scanner run as on a kernel without PROCMAP_QUERY. */
	private static ProcScan.Result textMaps() throws Exception {
		Process scanner = new ProcessBuilder(NativeHelper.PROC_SCANNER.path().toString(), PROC.toString(), "textmaps")
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		byte[] output = scanner.getInputStream().readAllBytes();
		assertEquals(0, scanner.waitFor());
		return ProcScan.decode(output, false);
	}

	private static Map<String, String> mappingsOf(long pid, ProcScan.Result result) {
		Map<String, String> mapped = new TreeMap<>();
		result.processes().stream().filter(p -> p.pid() == pid).flatMap(p -> p.mappings().stream())
				.forEach(m -> mapped.put(m.path(), m.inode() + " " + m.length() + " " + m.permissions()));
		return mapped;
	}

	private static Map<String, String> mappings(ProcessTable table, long pid) {
		Map<String, String> mapped = new TreeMap<>();
		table.mappings().forEach((path, list) -> list.stream().filter(m -> m.pid() == pid)
				.forEach(m -> mapped.put(path, m.inode() + " " + m.length() + " " + m.permissions())));
		return mapped;
	}
}
