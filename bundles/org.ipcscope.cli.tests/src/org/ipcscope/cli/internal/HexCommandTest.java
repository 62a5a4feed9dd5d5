package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ipcscope.tests.support.Waits;

/** {@code hex} against segments of a helper process, through the services DS registers. */
class HexCommandTest {

	private static TrackedService<InventoryService> inventory;
	private static TrackedService<MemorySourceService> memory;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
	private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
	private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

	@BeforeAll
	static void services() throws InterruptedException {
		inventory = new TrackedService<>(InventoryService.class);
		memory = new TrackedService<>(MemorySourceService.class);
		MemorySourceService service = memory.await(20);
		Waits.until(() -> !service.namespaces().isEmpty(), "the memory sources' namespaces");
	}

	@AfterAll
	static void release() {
		inventory.close();
		memory.close();
	}

	private static Providers providers() {
		return Providers.NONE.withInventory(() -> inventory.await(20)).withMemory(() -> memory.await(20));
	}

	private int run(String... args) throws InterruptedException {
		return CommandLine.run(List.of(args), providers(), out, err);
	}

	private String out() {
		return outBytes.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return errBytes.toString(StandardCharsets.UTF_8);
	}

	private static String name(String what) {
		return "/ipcscope-cli-" + what + "-" + ProcessHandle.current().pid() + "-"
				+ ThreadLocalRandom.current().nextInt(1_000_000);
	}

	private static HelperProcess helper(int objects, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(HelperProcess.helper("ipc_helper").toString());
		command.addAll(List.of(arguments));
		return HelperProcess.start(objects, command.toArray(String[]::new));
	}

	@Test
	void dumpsARangeLikeHexdump() throws Exception {
		String name = name("dump");
		try (HelperProcess helper = helper(1, "counter", name, "4096")) {
			assertEquals(0, run("hex", name, "--length", "0x10"), err());
			assertEquals("00000000  00 00 00 00 63 6f 75 6e  74 65 72 00 00 00 00 00  |....counter.....|\n00000010\n",
					out());
		}
	}

	@Test
	void repeatedRowsCollapseAndTheWholeRegionIsShownByDefault() throws Exception {
		String name = name("squeeze");
		try (HelperProcess helper = helper(1, "posix", name, "65536")) {
			assertEquals(0, run("hex", name), err());
			String[] lines = out().split("\n");
			assertEquals(List.of("00000000  42 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |B...............|",
					"00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|", "*",
					"0000fff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|", "00010000"),
					List.of(lines));
		}
	}

	@Test
	void badInputSaysWhatIsWrong() throws Exception {
		String name = name("bad");
		String empty = name("empty");
		try (HelperProcess helper = helper(2, "posix", name, "256", "posix", empty, "0")) {
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--offset", "0x100"));
			assertTrue(err().contains("--offset 0x100 is past the end of " + name + " (256 bytes)"), err());
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--offset", "0x10+"));
			assertTrue(err().contains("a number is missing"), err());
			assertEquals(CommandLine.EXIT_OK, run("hex", empty));
			assertTrue(err().contains(empty + " is empty (0 bytes)"), err());
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--offset", "0xf0", "--length", "0x100"));
			assertTrue(err().contains("--length 0x100 runs past the end of " + name + ": 16 bytes (0x10) from --offset 0xf0"),
					err());
			assertEquals(CommandLine.EXIT_NOT_FOUND, run("hex", "/ipcscope-no-such-segment-" + System.nanoTime()));
			assertTrue(err().contains("No shared memory named"), err());
			assertEquals(CommandLine.EXIT_USAGE, run("hex", name, "--watch", "0"));
		}
	}

	@Test
	void aLengthPastTheEndIsRefusedWithoutOverflowing() throws Exception {
		String name = name("overflow");
		try (HelperProcess helper = helper(1, "posix", name, "256")) {
			// offset + length overflowed to a negative end: the length was never cut and ?? rows printed forever
			int exit = assertTimeoutPreemptively(Duration.ofSeconds(20),
					() -> run("hex", name, "--offset", "1", "--length", "0x7fffffffffffffff"));
			assertEquals(CommandLine.EXIT_USAGE, exit);
			assertTrue(err().startsWith("--length 0x7fffffffffffffff runs past the end of " + name
					+ ": 255 bytes (0xff) from --offset 0x1\n"), err());
			assertEquals("", out());
		}
	}

	@Test
	void aSegmentTruncatedWhileDumpedEndsTheDumpWithAMessage() throws Exception {
		String name = name("shrink");
		try (HelperProcess helper = helper(1, "posix", name, Integer.toString(8 << 20))) {
			Path file = Path.of("/dev/shm" + name);
			// truncated for real, as its owner would, once the first rows are out
			OutputStream truncating = new OutputStream() {
				private boolean done;

				@Override
				public void write(int b) throws IOException {
					outBytes.write(b);
					if (!done) {
						done = true;
						try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
							channel.truncate(100_000);
						}
					}
				}
			};
			int exit = CommandLine.run(List.of("hex", name), providers(),
					new PrintStream(truncating, true, StandardCharsets.UTF_8), err);
			assertEquals(CommandLine.EXIT_NOT_FOUND, exit, err());
			assertEquals(name + " shrank to 100000 bytes while it was dumped: the dump stops at its new end\n", err());
			List<String> lines = out().lines().toList();
			assertEquals("000186a0", lines.get(lines.size() - 1), "the dump ends at the new end");
			assertTrue(lines.stream().noneMatch(l -> l.contains("??")), "no row of the bytes that are gone");
			assertTrue(outBytes.size() < 4096, outBytes.size() + " bytes: the rows past the end were printed");
		}
	}

	@Test
	void watchPrintsChangedRowsWithMarksUntilTheSegmentIsRemoved() throws Exception {
		String name = name("watch");
		AtomicInteger code = new AtomicInteger(-1);
		try (HelperProcess helper = helper(1, "counter", name, "4096")) {
			Thread watcher = new Thread(() -> {
				try {
					code.set(run("hex", name, "--length", "64", "--watch", "50"));
				} catch (InterruptedException e) {
					code.set(-2);
				}
			});
			watcher.start();
			// the helper writes the number, then its text: a round may see one of them; and the last round
			// may still be being printed
			waitUntil(() -> roundWithCounterAndText() != null, "a whole round where the counter and its text changed");
			String round = roundWithCounterAndText();
			String[] lines = round.split("\n");
			assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), lines[0]);
			assertTrue(lines[1].startsWith("00000010  "), round);
			assertTrue(lines[2].startsWith("          ^^"), "the counter's low byte is marked: " + round);
			assertTrue(round.contains("00000020  "), "the counter's text row changed too: " + round);
			assertTrue(!round.contains("00000000  "), "an unchanged row is not printed: " + round);

			assertEquals(0, helper.finish());
			watcher.join(10_000);
			assertEquals(CommandLine.EXIT_NOT_FOUND, code.get());
			assertTrue(err().contains(name + " is gone"), err());
		}
	}

	/** A round of --watch output, not the last one, where the counter's row and its text's row changed. */
	private String roundWithCounterAndText() {
		String[] rounds = out().split("\n-- ");
		for (int i = 1; i < rounds.length - 1; i++) {
			if (rounds[i].contains("\n00000010  ") && rounds[i].contains("\n00000020  ")) {
				return rounds[i];
			}
		}
		return null;
	}

	@Test
	void watchsFirstLookCollapsesRepeatedRowsAsHexDoes() throws Exception {
		String name = name("watch-squeeze");
		AtomicInteger code = new AtomicInteger(-1);
		try (HelperProcess helper = helper(1, "counter", name, "4096")) {
			Thread watcher = new Thread(() -> {
				try {
					code.set(run("hex", name, "--length", "4096", "--watch", "50"));
				} catch (InterruptedException e) {
					code.set(-2);
				}
			});
			watcher.start();
			waitUntil(() -> out().contains("\n-- "), "a round of changes after the first look");
			List<String> first = List.of(out().substring(0, out().indexOf("\n-- ")).split("\n"));
			assertTrue(first.contains("*"), "the zero rows collapse: " + first);
			assertTrue(first.size() < 10, first.size() + " lines for 256 rows, most of them zero");
			assertTrue(first.get(first.size() - 1).startsWith("00000ff0  "), "the last row is printed: " + first);
			assertEquals(0, helper.finish());
			watcher.join(10_000);
			assertEquals(CommandLine.EXIT_NOT_FOUND, code.get());
		}
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		Waits.until(condition::getAsBoolean, what);
	}
}
