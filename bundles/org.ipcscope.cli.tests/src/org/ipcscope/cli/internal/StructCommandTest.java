package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hex --struct} and {@code dump --struct} on live helpers: a program writes a struct (a
 * counter, a text, a double, an enum and a bitfield) into a POSIX segment one step at a time and
 * prints each value it wrote; the overlay must show exactly those values, and --watch exactly
 * the fields each step changed.
 */
class StructCommandTest {

	/** The helper's own header, as the program that writes the segment was compiled with. */
	static final Path LIVE_HEADER = Path.of("../org.ipcscope.tests.support/native/live_state.h").toAbsolutePath();
	private static final String LIVE = LIVE_HEADER + ":struct live_state";
	private static final Pattern WROTE = Pattern.compile(
			"WROTE counter=(\\d+) text=(.*) value=(\\S+) phase=(\\S+) level=(\\d+)");

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

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private static String name() {
		return "/ipcscope-struct-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	private static HelperProcess liveHelper(String name) throws Exception {
		return HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "livestruct", name);
	}

	/** Makes the helper write its next step. @return the values it says it wrote */
	private static Matcher step(HelperProcess helper) throws Exception {
		helper.send("step");
		Matcher m = WROTE.matcher(helper.awaitLine(l -> l.startsWith("WROTE "), Duration.ofSeconds(20)));
		assertTrue(m.matches());
		return m;
	}

	/** @return the value column of the row of {@code path} */
	private static String value(String output, String path) {
		for (String line : output.split("\n")) {
			String[] columns = line.split("\\s{2,}", 4);
			if (columns.length == 4 && columns[1].equals(path)) {
				return columns[3];
			}
		}
		throw new AssertionError("no row " + path + " in:\n" + output);
	}

	@Test
	void hexStructShowsTheValuesTheProgramWrote() throws Exception {
		String name = name();
		try (HelperProcess helper = liveHelper(name)) {
			Matcher wrote = null;
			for (int i = 0; i < 4; i++) {
				wrote = step(helper);
			}
			assertEquals(0, run("hex", name, "--struct", LIVE), err());
			String table = out();
			assertTrue(table.startsWith("struct live_state at 0x00000000 of " + name + ": 48 bytes, sysv64, "), table);
			assertEquals(wrote.group(1), value(table, "counter"));
			assertEquals("\"" + wrote.group(2) + "\"", value(table, "text"));
			assertEquals(Double.parseDouble(wrote.group(3)), Double.parseDouble(value(table, "value")));
			assertEquals(wrote.group(4) + " (1)", value(table, "phase"));
			assertEquals("0b00100 (" + wrote.group(5) + ")", value(table, "level:3-7"));
			assertEquals("0b000 (0)", value(table, "flags:0-2"));
			assertTrue(table.contains("0x00000004  text"), "the text's offset: " + table);
			assertTrue(table.contains("0x00000020  value"), "the double's offset: " + table);

			out.reset();
			assertEquals(0, run("hex", name, "--struct", LIVE + "@0", "--json", "--abi", "sysv64"), err());
			String json = out();
			assertTrue(json.startsWith("{\"format\": 1, \"source\": \"" + name + "\""), json);
			assertTrue(json.contains("{\"path\": \"counter\", \"type\": \"uint32_t\", \"kind\": \"unsigned\", \"offset\": 0,"
					+ " \"size\": 4, \"value\": \"4\", \"raw\": \"04000000\"}"), json);
			assertTrue(json.contains("\"path\": \"phase\", \"type\": \"enum live_phase\", \"kind\": \"enum\""), json);
			assertTrue(json.contains("\"bitOffset\": 3, \"bitWidth\": 5, \"value\": \"0b00100 (4)\""), json);
		}
	}

	@Test
	void watchShowsExactlyTheFieldsEachStepChanged() throws Exception {
		String name = name();
		AtomicInteger code = new AtomicInteger(-1);
		try (HelperProcess helper = liveHelper(name)) {
			Thread watcher = new Thread(() -> {
				try {
					code.set(run("hex", name, "--struct", LIVE, "--watch", "20"));
				} catch (Exception e) {
					code.set(-2);
				}
			});
			watcher.start();
			Waits.until(() -> out().contains("level:3-7"), "the first look at every field");
			assertEquals("0", value(out(), "counter"));
			Map<String, String> last = new LinkedHashMap<>(Map.of("counter", "0", "text", "\"\"", "value", "0.0", "phase",
					"PHASE_IDLE (0)", "level:3-7", "0b00000 (0)"));
			for (int n = 1; n <= 7; n++) {
				int seenBefore = out().length();
				Matcher wrote = step(helper);
				Map<String, String> now = new LinkedHashMap<>();
				now.put("counter", wrote.group(1));
				now.put("text", "\"" + wrote.group(2) + "\"");
				now.put("value", Double.toString(Double.parseDouble(wrote.group(3))));
				now.put("phase", wrote.group(4) + " (" + (n / 3 % 3) + ")");
				now.put("level:3-7", "0b" + String.format("%5s", Integer.toBinaryString(n)).replace(' ', '0') + " (" + n + ")");
				String expectedCounter = last.get("counter") + " -> " + now.get("counter");
				Waits.until(() -> changes(out().substring(seenBefore)).getOrDefault("counter", List.of())
						.contains(expectedCounter) && changes(out().substring(seenBefore)).containsKey("level:3-7")
						&& changes(out().substring(seenBefore)).containsKey("text")
						&& changes(out().substring(seenBefore)).containsKey("value"), "step " + n + " in the watch");
				Map<String, List<String>> changed = changes(out().substring(seenBefore));
				for (Map.Entry<String, String> field : now.entrySet()) {
					boolean differs = !field.getValue().equals(last.get(field.getKey()));
					List<String> seen = changed.getOrDefault(field.getKey(), List.of());
					if (differs) {
						assertEquals(List.of(last.get(field.getKey()) + " -> " + field.getValue()), seen,
								field.getKey() + " at step " + n + ":\n" + out().substring(seenBefore));
					} else {
						assertEquals(List.of(), seen, field.getKey() + " did not change at step " + n);
					}
				}
				assertTrue(!changed.containsKey("flags:0-2"), "flags never change: " + changed);
				last = now;
			}
			assertEquals(0, helper.finish());
			watcher.join(10_000);
			assertEquals(CommandLine.EXIT_NOT_FOUND, code.get());
			assertTrue(err().contains(name + " is gone"), err());
		}
	}

	/** @return each field's "old -> new" lines in --watch output, in order */
	private static Map<String, List<String>> changes(String watchOutput) {
		Map<String, List<String>> changes = new LinkedHashMap<>();
		for (String line : watchOutput.split("\n")) {
			String[] columns = line.split("\\s{2,}", 4);
			if (columns.length == 4 && columns[0].startsWith("0x") && columns[3].contains(" -> ")) {
				changes.computeIfAbsent(columns[1], k -> new ArrayList<>()).add(columns[3]);
			}
		}
		return changes;
	}

	@Test
	void dumpStructReadsAProcesssMemory(@TempDir Path dir) throws Exception {
		String text = "STRUCT-TICKER-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "ticker",
				text)) {
			String[] ready = helper.readyLines().get(0).split(" ");
			long textAddress = Long.decode(ready[1]);
			long counterAddress = Long.decode(ready[2]);
			Path header = dir.resolve("ticker.h");
			Files.writeString(header, "#include <stdint.h>\n#define PAD " + (counterAddress - textAddress) + "\n"
					+ "typedef struct { char text[PAD]; uint32_t ticks; } ticker_t;\n");
			String pid = Long.toString(helper.pid());
			assertEquals(0, run("dump", pid, ready[1], "--struct", header + ":ticker_t"), err());
			assertEquals("\"" + text + "\"", value(out(), "text"));
			long ticks = Long.parseLong(value(out(), "ticks"));
			assertTrue(ticks >= 0, out());
			assertTrue(out().contains(String.format("0x%08x  ticks", counterAddress)), out());

			AtomicInteger code = new AtomicInteger(-1);
			out.reset();
			Thread watcher = new Thread(() -> {
				try {
					code.set(run("dump", pid, ready[1], "--struct", header + ":ticker_t", "--watch", "20"));
				} catch (Exception e) {
					code.set(-2);
				}
			});
			watcher.start();
			Waits.until(() -> changes(out()).getOrDefault("ticks", List.of()).size() >= 2, "two ticks in the watch");
			List<String> ticksSeen = changes(out()).get("ticks");
			String[] first = ticksSeen.get(0).split(" -> ");
			String[] second = ticksSeen.get(1).split(" -> ");
			assertEquals(first[1], second[0], "one change follows the other: " + ticksSeen);
			assertTrue(!changes(out()).containsKey("text"), "the text does not change");
			helper.finish();
			watcher.join(10_000);
			assertTrue(code.get() != -1, "the watch ended with the process");
		}
	}

	@Test
	void badHeadersGiveOneLineWithTheirPositionAndAnExitCode(@TempDir Path dir) throws Exception {
		String name = name();
		try (HelperProcess helper = liveHelper(name)) {
			Path bad = dir.resolve("bad.h");
			Files.writeString(bad, "struct ok { int a; };\nstruct broken {\n  int a;\n  mystery_t b;\n};\n");
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--struct", bad + ":struct broken"));
			assertTrue(err().startsWith(bad + ":4:3: unknown type 'mystery_t'\nusage: ipcscope hex NAME"),
					"one line with the position, then the usage as for any usage error: " + err());

			err.reset();
			assertEquals(CommandLine.EXIT_NOT_FOUND, run("hex", name, "--struct", dir.resolve("absent.h") + ":struct x"));
			assertTrue(err().startsWith(dir.resolve("absent.h") + ":1:1: cannot open"), err());
			assertEquals(1, err().lines().count(), err());

			err.reset();
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--struct", LIVE_HEADER + ":struct nothing"));
			assertTrue(err().contains("defines no type 'struct nothing'"), err());

			err.reset();
			Path big = dir.resolve("big.h");
			Files.writeString(big, "struct big { char a[4096]; };\n");
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--struct", big + ":big"));
			assertTrue(err().contains("runs past the end of " + name), err());

			err.reset();
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--struct", LIVE, "--abi", "vax"));
			assertTrue(err().startsWith("--abi is msvc64, msvc32 or sysv64, not 'vax'"), err());

			err.reset();
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--struct", LIVE, "--offset", "4"));
			assertTrue(err().startsWith("--offset does not go with --struct"), err());
		}
	}
}
