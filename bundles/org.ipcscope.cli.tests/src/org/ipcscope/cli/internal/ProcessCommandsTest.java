package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.memory.MemorySource;
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
			return CommandLine.run(List.of(args), Providers.NONE.withInventory(() -> inventory.await(20))
					.withMemory(() -> memory.await(20)).withProcesses(() -> processes.await(20)), new PrintStream(out, true, StandardCharsets.UTF_8),
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
			assertEquals(CommandLine.EXIT_NO_MATCH, run("search", pid, "text:" + marker.toLowerCase() + "-absent"),
					"nothing found: 1, as grep says it");

			out.reset();
			assertEquals(0, run("processes", pid));
			assertTrue(out().lines().anyMatch(l -> l.matches(" *" + pid + " .* ipc_helper  .*/ipc_helper marker " + marker)),
					"the helper with its command line: " + out());
			out.reset();
			assertEquals(0, run("processes", "--json", "marker " + marker));
			assertTrue(out().startsWith("{\"format\": 1, \"processes\": [\n  {\"pid\": " + pid + ", \"name\": \"ipc_helper\""),
					out());
			assertTrue(out().contains("\"kernelThread\": false, \"ppid\": " + ProcessHandle.current().pid() + "}\n]}"),
					"only the helper matches its marker, started by this JVM: " + out());

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

	@Test
	void searchPrintsAtMostMaxMatchesAsItFindsThemAndCountsTheRest() throws Exception {
		String marker = "CLI-MAX-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "marker",
				marker);
				TrackedService<ProcessMemoryProvider> tracked = new TrackedService<>(ProcessMemoryProvider.class)) {
			String pid = Long.toString(helper.pid());
			// the marker is in the heap and in the helper's arguments on its stack: two matches at least
			assertEquals(0, run("search", pid, "text:" + marker));
			List<String> all = out().lines().toList();
			assertTrue(all.size() >= 2, out());

			out.reset();
			err.reset();
			boolean[] searching = { false };
			ProcessMemoryProvider watched = watching(tracked.await(20), searching);
			List<Boolean> searchingWhenPrinted = new ArrayList<>();
			PrintStream printed = new PrintStream(new OutputStream() {
				@Override
				public void write(int b) {
					searchingWhenPrinted.add(searching[0]);
					out.write(b);
				}
			}, true, StandardCharsets.UTF_8);
			assertEquals(0, ProcessCommands.run("search", List.of(pid, "text:" + marker, "--max", "1"), watched, printed,
					new PrintStream(err, true, StandardCharsets.UTF_8)));
			assertEquals(all.subList(0, 1), out().lines().toList());
			int more = all.size() - 1;
			assertEquals(more + " more match" + (more == 1 ? "" : "es") + " not shown (--max 1; a larger --max shows them)\n",
					err.toString(StandardCharsets.UTF_8));
			// held until the end before: every match was printed after the memory was closed
			assertTrue(searchingWhenPrinted.get(0), "the first match was printed only after the search");

			out.reset();
			assertEquals(0, run("search", pid, "text:" + marker, "--max", "0", "--json"));
			assertTrue(out().matches("\\{\"format\": 1, \"pid\": " + pid + ", \"matches\": \\[\\], \"found\": [1-9]\\d*\\}\n"), out());
			out.reset();
			assertEquals(0, run("search", pid, "text:" + marker, "--max", "1", "--json"));
			assertTrue(out().matches("\\{\"format\": 1, \"pid\": " + pid
					+ ", \"matches\": \\[\n  \\{\"address\": \"0x[0-9a-f]+\", [^\n]*\\}\n\\], \"found\": [1-9]\\d*\\}\n"), out());
		}
	}

	/** The provider as it is; {@code searching[0]} tells whether a source of it is open. */
	private static ProcessMemoryProvider watching(ProcessMemoryProvider provider, boolean[] searching) {
		return new ForwardingProvider(provider) {
			@Override
			MemorySource wrap(MemorySource source) {
				searching[0] = true;
				return new Source(source) {
					@Override
					public void close() throws IOException {
						searching[0] = false;
						super.close();
					}
				};
			}
		};
	}

	@Test
	void dumpRefusesRangesPastItsMappingsAndSaysWhyAFileCannotBeWritten() throws Exception {
		String marker = "CLI-DUMP-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "marker",
				marker)) {
			String address = helper.readyLines().get(0).split(" ")[1];
			String pid = Long.toString(helper.pid());
			// before: read (and printed) 2^63 bytes from the heap on, wrapping past 2^64
			int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("dump", pid, address, "0x7fffffffffffffff"));
			assertEquals(CommandLine.EXIT_USAGE, exit);
			assertTrue(errText().startsWith("LEN 0x7fffffffffffffff runs past the mappings at 0x"), errText());
			assertEquals("", out());

			err.reset();
			exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("dump", pid, "0xffffffffffffff00", "0x200"));
			assertEquals(CommandLine.EXIT_USAGE, exit);
			assertTrue(errText().startsWith("ADDR 0xffffffffffffff00 is in no mapping of process " + pid), errText());

			err.reset();
			assertEquals(CommandLine.EXIT_NOT_FOUND, run("dump", pid, address, "16", "-o", "/nonexistent-ipcscope/f"));
			assertEquals("Cannot write /nonexistent-ipcscope/f: no such directory /nonexistent-ipcscope\n", errText());

			Path directory = Files.createTempDirectory("ipcscope-dump-link");
			try {
				Path target = Files.writeString(directory.resolve("target"), "kept");
				Path link = Files.createSymbolicLink(directory.resolve("link"), target);
				err.reset();
				// a link where the file goes is not followed: someone else may have planted it
				assertEquals(CommandLine.EXIT_NOT_FOUND, run("dump", pid, address, "16", "-o", link.toString()));
				assertEquals("Cannot write " + link + ": a symbolic link, not followed (someone else may have put it there)\n",
						errText());
				assertEquals("kept", Files.readString(target));
			} finally {
				try (var files = Files.list(directory)) {
					for (Path file : files.toList()) {
						Files.delete(file);
					}
				}
				Files.delete(directory);
			}

			err.reset();
			assertEquals(CommandLine.EXIT_USAGE, run("regions", "4294967296"));
			assertTrue(errText().startsWith("PID '4294967296' is not a process id"), errText());
		}
	}

	private String errText() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private static String hex(String text) {
		StringBuilder hex = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
			hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02x", b));
		}
		return hex.toString();
	}
}
