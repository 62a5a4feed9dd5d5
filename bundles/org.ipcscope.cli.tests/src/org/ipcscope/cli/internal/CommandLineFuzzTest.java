package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad command lines, generated ({@link BadCommandLines}), run in-process with the providers
 * Declarative Services registers against a real segment and a real process, and a few through a
 * JVM of their own as the script starts it. Each must end within {@link #DEADLINE_SECONDS} with
 * exit code 2, 3 or 4, a message of one line on stderr (for 2 followed by the usage), no stack
 * trace and output under a bound. The seed is printed; -Dipcscope.fuzz.seed=N runs the same cases.
 */
class CommandLineFuzzTest {

	static final int DEADLINE_SECONDS = 20;
	static final int OUT_BOUND = 64 * 1024;
	static final int ERR_BOUND = 16 * 1024;
	private static final int ROUNDS = 40;
	private static final int NAME_CASES = 40;

	private static TrackedService<InventoryService> inventory;
	private static TrackedService<MemorySourceService> memory;
	private static TrackedService<ProcessMemoryProvider> processes;
	private static HelperProcess helper;
	private static String segment;
	private static String address;
	private static final ExecutorService RUNNER = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "fuzz case");
		thread.setDaemon(true);
		return thread;
	});

	@BeforeAll
	static void objects() throws Exception {
		inventory = new TrackedService<>(InventoryService.class);
		memory = new TrackedService<>(MemorySourceService.class);
		processes = new TrackedService<>(ProcessMemoryProvider.class);
		segment = "/ipcscope-fuzz-" + ProcessHandle.current().pid();
		helper = HelperProcess.start(2, HelperProcess.helper("ipc_helper").toString(), "posix", segment, "4096", "marker",
				"FUZZ-MARKER");
		address = helper.readyLines().get(1).split(" ")[1];
	}

	@AfterAll
	static void release() throws Exception {
		helper.close();
		inventory.close();
		memory.close();
		processes.close();
	}

	@Test
	void badCommandLinesGetAnExitCodeAndAOneLineMessage() throws Exception {
		long seed = Long.getLong("ipcscope.fuzz.seed", System.nanoTime());
		BadCommandLines generator = new BadCommandLines(new Random(seed), segment, helper.pid(), address);
		List<List<String>> cases = new ArrayList<>(generator.generate(ROUNDS));
		MemorySourceService sources = memory.await(20);
		for (int added = 0; added < NAME_CASES;) {
			String name = generator.name();
			// names that exist are no bad input; one that does not makes hex ask the inventory too
			if (sources.lookup(name, null).isEmpty()) {
				cases.add(List.of("hex", name));
				added++;
			}
		}
		int run = 0;
		for (List<String> args : cases) {
			if (args.contains("-h") || args.contains("--help") || isValidList(args)) {
				continue; // asks for help, or lists: both are right to succeed
			}
			check(args, seed);
			run++;
		}
		System.out.println("CommandLineFuzzTest: " + run + " bad command lines in-process, seed " + seed);
		assertTrue(run > ROUNDS * 20, "only " + run + " cases ran");
	}

	private static boolean isValidList(List<String> args) {
		if (!args.get(0).equals("list")) {
			return false;
		}
		try {
			new ListCommand(args.subList(1, args.size()), new Caller(Path.of("/"), Map.of()));
			return true;
		} catch (UsageException e) {
			return false;
		}
	}

	private static void check(List<String> args, long seed) throws Exception {
		Bounded out = new Bounded(OUT_BOUND);
		Bounded err = new Bounded(ERR_BOUND);
		PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
		Future<Integer> running = RUNNER.submit(() -> CommandLine.run(args, new Caller(Path.of("/"), Map.of()),
				Providers.NONE.withInventory(() -> inventory.await(20)).withMemory(() -> memory.await(20))
						.withProcesses(() -> processes.await(20)),
				outStream, errStream));
		int exit;
		try {
			exit = running.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			running.cancel(true);
			throw new AssertionError(describe(args, seed) + " did not end within " + DEADLINE_SECONDS + " s");
		}
		assertAnswered(describe(args, seed), args, exit, out.text(), out.total, err.text(), err.total);
	}

	/** What every bad command line must get, in-process or in a JVM of its own. */
	static void assertAnswered(String what, List<String> args, int exit, String out, long outBytes, String err,
			long errBytes) {
		String got = what + " -> exit " + exit + ", stderr: " + shorten(err) + ", stdout: " + shorten(out);
		assertTrue(Set.of(2, 3, 4).contains(exit), got);
		assertTrue(outBytes <= OUT_BOUND, what + " printed " + outBytes + " bytes");
		assertTrue(errBytes <= ERR_BOUND, what + " printed " + errBytes + " bytes of messages");
		for (String trace : List.of("\tat ", "Exception in thread", "Exception:", "Error:", "Caused by")) {
			assertTrue(!err.contains(trace) && !out.contains(trace), "a stack trace: " + got);
		}
		List<String> lines = err.lines().toList();
		assertTrue(!lines.isEmpty() && !lines.get(0).isBlank(), "no message: " + got);
		List<String> rest = lines.subList(1, lines.size());
		if (exit == CommandLine.EXIT_USAGE) {
			List<String> usage = CommandLine.usageFor(args.isEmpty() ? null : args.get(0)).lines().toList();
			assertTrue(rest.equals(usage), "a message of one line, then the verb's usage: " + got);
		} else {
			assertTrue(rest.isEmpty(), "a message of one line: " + got);
		}
	}

	static String describe(List<String> args, long seed) {
		List<String> shown = args.stream().map(a -> MessageStream.escape(a.length() > 80 ? a.substring(0, 80) + "..." : a))
				.toList();
		return shown + " (seed " + seed + ")";
	}

	private static String shorten(String text) {
		return MessageStream.escape(text.length() > 400 ? text.substring(0, 400) + "..." : text);
	}

	/** Keeps the first bytes; past four times its bound it fails writes, as a closed pipe would. */
	static final class Bounded extends OutputStream {
		private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
		private final int bound;
		long total;

		Bounded(int bound) {
			this.bound = bound;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			total += length;
			kept.write(bytes, offset, (int) Math.max(0, Math.min(length, bound + 1L - kept.size())));
			if (total > 4L * bound) {
				throw new IOException("more than " + 4 * bound + " bytes");
			}
		}

		String text() {
			return kept.toString(StandardCharsets.UTF_8);
		}
	}

	@Test
	void aFewThroughAJvmOfTheirOwn() throws Exception {
		String pid = Long.toString(helper.pid());
		List<List<String>> cases = List.of(List.of("hex", "#99999999999"),
				List.of("hex", segment, "--offset", "1", "--length", "0x7fffffffffffffff"),
				// an argument has at most 128 KiB (MAX_ARG_STRLEN)
				List.of("hex", segment, "--offset", "(".repeat(60_000) + "1" + ")".repeat(60_000)),
				List.of("hex", "/ipcscope-fuzz-none\u001b]0;owned\u0007\nsecond line"),
				List.of("search", pid, "ascii:caf\u00e9"), List.of("search", pid, "hex:zz"),
				List.of("search", pid, "text:x", "--max", "-1"), List.of("dump", pid, "0xffffffffffffff00", "0x200"),
				List.of("dump", pid, address, "0x7fffffffffffffff"),
				List.of("dump", pid, address, "16", "-o", "/nonexistent-ipcscope-fuzz/f"), List.of("regions", "4294967296"),
				List.of("list", "--kind", "pipe,nonsense"), List.of("frobnicate"));
		for (List<String> args : cases) {
			CliJvm.Run run = CliJvm.run(args.toArray(String[]::new));
			assertAnswered(describe(args, 0) + " in a JVM", args, run.exit(), run.out(), run.outBytes(), run.err(),
					run.errBytes());
		}
		System.out.println("CommandLineFuzzTest: " + cases.size() + " bad command lines through a JVM of their own");
	}
}
