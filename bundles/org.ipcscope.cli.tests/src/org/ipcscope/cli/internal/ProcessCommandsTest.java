package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/** regions, dump and search on a helper process, with the provider Declarative Services registers. */
class ProcessCommandsTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) throws Exception {
		try (TrackedService<InventoryService> inventory = new TrackedService<>(InventoryService.class);
				TrackedService<MemorySourceService> memory = new TrackedService<>(MemorySourceService.class);
				TrackedService<ProcessMemoryProvider> processes = new TrackedService<>(ProcessMemoryProvider.class)) {
			return CommandLine.run(List.of(args), () -> inventory.await(20), () -> memory.await(20),
					() -> processes.await(20), new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8));
		}
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void regionsDumpAndSearchFindTheHeapMarker() throws Exception {
		String marker = "CLI-MARKER-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "marker",
				marker)) {
			String address = helper.readyLines().get(0).split(" ")[1];
			String pid = Long.toString(helper.pid());

			assertEquals(0, run("regions", pid, "--json"));
			assertTrue(out().contains("\"tag\": \"[heap]\""), out());

			out.reset();
			assertEquals(0, run("modules", pid));
			String helperPath = HelperProcess.helper("ipc_helper").toRealPath().toString();
			assertTrue(out().lines().anyMatch(l -> l.endsWith(" " + helperPath)), "the program itself: " + out());
			assertTrue(out().lines().anyMatch(l -> l.matches("[0-9a-f]{16} +\\d+ /.*/libc[.-].*")), "libc: " + out());
			out.reset();
			assertEquals(0, run("modules", pid, "--json"));
			assertTrue(out().contains("\"name\": \"ipc_helper\""), out());

			out.reset();
			assertEquals(0, run("search", pid, "text:" + marker));
			assertTrue(out().lines().anyMatch(l -> l.startsWith(address + " [heap]+")), out());

			out.reset();
			assertEquals(0, run("search", pid, "hex:" + hex(marker.substring(0, 4)) + " ?? " + hex(marker.substring(5, 8)), "--json"));
			assertTrue(out().contains("\"address\": \"" + address + "\""), out());

			Path file = Files.createTempFile("ipcscope-dump", ".bin");
			try {
				assertEquals(0, run("dump", pid, address, Integer.toString(marker.length()), "-o", file.toString()));
				assertArrayEquals(marker.getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(file));
			} finally {
				Files.delete(file);
			}
		}
	}

	@Test
	void integerPatternsAndBadInput() throws Exception {
		assertEquals(CommandLine.EXIT_USAGE, run("search", "1", "int33:5"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown pattern kind 'int33'"));
		assertEquals(CommandLine.EXIT_USAGE, run("dump", "1", "0x10"));
		assertEquals(CommandLine.EXIT_NOT_FOUND, run("regions", "999999999"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"));
	}

	private static String hex(String text) {
		StringBuilder hex = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
			hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02x", b));
		}
		return hex.toString();
	}
}
