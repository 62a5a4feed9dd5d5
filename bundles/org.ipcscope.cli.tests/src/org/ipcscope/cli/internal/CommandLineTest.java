package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/** The verbs as a script sees them, with the providers Declarative Services registers. */
class CommandLineTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) throws Exception {
		try (TrackedService<InventoryService> inventory = new TrackedService<>(InventoryService.class);
				TrackedService<MemorySourceService> memory = new TrackedService<>(MemorySourceService.class)) {
			return CommandLine.run(List.of(args),
					Providers.NONE.withInventory(() -> inventory.await(20)).withMemory(() -> memory.await(20)),
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		}
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void listsAnotherProcessesSegmentAsJsonFilteredByKind() throws Exception {
		String name = "/ipcscope-cli-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(2, HelperProcess.helper("ipc_helper").toString(), "posix",
				name, "5000", "pipe")) {
			assertEquals(0, run("list", "--kind", "posix-shm", "--json"));
			String json = out();
			assertTrue(json.contains("{\"kind\": \"posix-shm\", \"name\": \"" + name + "\", \"namespace\": \"/dev/shm\", \"size\": 5000"), json);
			assertTrue(json.contains("{\"pid\": " + helper.pid() + ", \"process\": \"ipc_helper\", \"handle\": \"mapped\""), json);
			assertFalse(json.contains("\"kind\": \"pipe\""), "--kind posix-shm let pipes through");
		}
	}

	@Test
	void jsonValuesGiveOwnerUidAndSocketPeerPidAsNumbers() throws Exception {
		long self = ProcessHandle.current().pid();
		String name = "/ipcscope-cli-values-" + self;
		String socket = "@ipcscope-cli-values-" + self;
		try (HelperProcess helper = HelperProcess.start(2, HelperProcess.helper("ipc_helper").toString(), "posix",
				name, "4096", "unix", socket)) {
			// the helper's real uid, from the kernel's view of its process
			int uid = (Integer) Files.getAttribute(Path.of("/proc/" + helper.pid()), "unix:uid");
			assertEquals(0, run("list", "--kind", "posix-shm,unix-socket", "--json"));
			String segment = out().lines().filter(l -> l.contains("\"name\": \"" + name + "\"")).findFirst()
					.orElseThrow(() -> new AssertionError(out()));
			assertTrue(segment.contains("\"values\": {\"uid\": " + uid + ","), segment);
			// the accepted connection's peer is the helper's connecting end: a number, not "ipc_helper (pid)"
			List<String> sockets = out().lines().filter(l -> l.contains("\"name\": \"" + socket + "\"")).toList();
			assertTrue(sockets.stream().anyMatch(l -> l.contains("\"peerPid\": " + helper.pid() + ",")
					&& l.contains("\"peerPids\": [" + helper.pid() + "]")), String.join("\n", sockets));
		}
	}

	@Test
	void tableShowsOwners() throws Exception {
		String name = "/ipcscope-cli-table-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "posix",
				name, "77")) {
			assertEquals(0, run("list", "--kind=posix-shm,sysv-shm"));
			String line = out().lines().filter(l -> l.contains(name)).findFirst().orElseThrow(() -> new AssertionError(out()));
			assertTrue(line.matches("posix-shm\\s+/dev/shm\\s+77\\s+" + name + "\\s+ipc_helper \\(" + helper.pid() + "\\)"), line);
		}
	}

	@Test
	void aMissingFifoDirectoryIsSaidToBeMissing() throws Exception {
		String missing = "/nonexistent-ipcscope-" + ProcessHandle.current().pid() + "/fifos";
		assertEquals(0, run("list", "--kind", "fifo", "--fifo-dir", missing));
		// before: "FIFO directory /nonexistent.../fifos: /nonexistent.../fifos"
		String parent = missing.substring(0, missing.lastIndexOf('/'));
		assertTrue(out().contains("FIFO directory " + missing + ": no such directory " + parent + "\n"), out());
	}

	@Test
	void badInputGetsAClearMessageAndExitCode2() throws Exception {
		assertEquals(2, run("list", "--kind", "nonsense"));
		assertTrue(err().contains("Unknown kind 'nonsense'; known kinds: section,"), err());
		assertEquals(2, run("frobnicate"));
		assertTrue(err().contains("Unknown command 'frobnicate'"), err());
		assertEquals(2, run("list", "--kind"));
		assertEquals(2, run());
		assertTrue(err().contains("usage: ipcscope list"), err());
		assertEquals(0, run("--help"));
	}

	@Test
	void helpPerVerbAndVersion() throws Exception {
		assertEquals(0, run("hex", "--help"));
		assertTrue(out().startsWith("usage: ipcscope hex NAME"), out());
		assertFalse(out().contains("ipcscope list"), "the verb's usage only: " + out());
		out.reset();
		assertEquals(0, run("help", "search"));
		assertTrue(out().startsWith("usage: ipcscope search PID PATTERN"), out());
		out.reset();
		assertEquals(0, run("help"));
		assertTrue(out().contains("ipcscope processes") && out().contains("ipcscope list"), out());
		assertEquals(2, run("help", "frobnicate"));
		err.reset();
		assertEquals(2, run("hex"));
		assertTrue(err().lines().skip(1).findFirst().orElse("").startsWith("usage: ipcscope hex NAME"),
				"a usage error shows that verb's usage: " + err());
		assertFalse(err().contains("ipcscope list"), err());
		out.reset();
		assertEquals(0, run("--version"));
		assertTrue(out().matches("IPC Scope (\\d+\\.\\d+\\.\\d+.*|\\(version unknown\\))\n"), out());
	}
}
