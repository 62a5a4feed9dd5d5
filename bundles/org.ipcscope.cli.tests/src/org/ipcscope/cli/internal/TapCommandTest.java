package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficJsonLines;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.TestUser;
import org.junit.jupiter.api.Test;

/**
 * {@code tap} end to end on a real pipe between traffic_helper's writer and its child: the text
 * lines, the JSON Lines capture, Ctrl+C, refusals and usage errors.
 */
class TapCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	/** The pipe helper: READY writer/reader PIDs and each end's name. */
	record Pipe(HelperProcess helper, long writer, long reader, String name) implements AutoCloseable {

		static Pipe start() throws IOException {
			HelperProcess helper = HelperProcess.start(4, HelperProcess.helper("traffic_helper").toString(), "pipe");
			long writer = 0, reader = 0;
			String name = null;
			for (String line : helper.readyLines()) {
				String value = line.substring(line.indexOf(' ') + 1);
				if (line.startsWith("writer ")) {
					writer = Long.parseLong(value);
				} else if (line.startsWith("reader ")) {
					reader = Long.parseLong(value);
				} else if (line.startsWith("wname ")) {
					name = value;
				}
			}
			return new Pipe(helper, writer, reader, name);
		}

		/** Sends message k of {@code size} bytes (k counts from 1), as the helper makes it. */
		void send(long k, int size) throws IOException {
			helper.send("send " + size);
			helper.awaitLine(("SENT " + k)::equals, Duration.ofSeconds(30));
		}

		@Override
		public void close() {
			helper.close();
		}
	}

	static byte[] message(long k, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) ((k + 7L * i + i / 251) & 255);
		}
		return bytes;
	}

	private int run(String... args) throws Exception {
		try (TrackedService<TrafficCapturer> traffic = new TrackedService<>(TrafficCapturer.class)) {
			return CommandLine.run(List.of(args), new Caller(Path.of("/"), Map.of()),
					Providers.NONE.withTraffic(() -> traffic.await(20)), new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8));
		}
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void printsOneLinePerTransferUntilCount() throws Exception {
		try (Pipe pipe = Pipe.start()) {
			CompletableFuture<Integer> tap = CompletableFuture.supplyAsync(() -> {
				try {
					return run("tap", "--pid", pipe.writer() + "," + pipe.reader(), "--object", pipe.name(), "--count", "3");
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			awaitText(() -> err(), "Capturing ");
			pipe.send(1, 5);
			pipe.send(2, 0);
			assertEquals(CommandLine.EXIT_OK, tap.get(60, TimeUnit.SECONDS), err());
			List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
			assertEquals(3, lines.size(), lines.toString());
			String time = "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}  ";
			String object = "fd \\d+  " + pipe.name().replace("[", "\\[").replace("]", "\\]");
			// the reader's read may end before the writer's write does: any order
			assertTrue(lines.stream().anyMatch(l -> l.matches(time + "pid " + pipe.writer() + "  write \\(write\\)  " + object
					+ "  5 B  \"\\.\\.\\.\\.\\.\"")), lines.toString());
			assertTrue(lines.stream().anyMatch(l -> l.matches(time + "pid " + pipe.reader() + "  read \\(read\\)  " + object
					+ "  5 B  \"\\.\\.\\.\\.\\.\"")), lines.toString());
			assertTrue(lines.stream().anyMatch(l -> l.matches(time + "pid " + pipe.writer() + "  write \\(write\\)  " + object
					+ "  0 B  \"\"")), lines.toString());
			assertTrue(err().contains("captured "), err());
		}
	}

	@Test
	void jsonLinesEndToEndAndCtrlCRestoresTheTargets() throws Exception {
		try (Pipe pipe = Pipe.start()) {
			List<String> command = new ArrayList<>(
					// a JVM started with SIGINT ignored (as a non-interactive shell's `cmd &` leaves it) takes no
					// Ctrl+C: the test gives the CLI the terminal's default, whatever the build was started from
					List.of("env", "--default-signal=INT"));
			command.addAll(CliJvm.command(CliJvm.jars(), "tap", "--pid", Long.toString(pipe.writer()), "--json",
					"--kind", "pipe", "--object", pipe.name(), "--cap", "1048576"));
			Process tap = new ProcessBuilder(command).start();
			BlockingQueue<String> errLines = lines(tap.getErrorStream());
			BlockingQueue<String> outLines = lines(tap.getInputStream());
			try {
				awaitLine(errLines, l -> l.startsWith("Capturing "));
				pipe.send(1, 1);
				pipe.send(2, 1024 * 1024);
				List<String> json = new ArrayList<>();
				json.add(awaitLine(outLines, l -> l.contains("\"format\":\"ipcscope-traffic\"")));
				json.add(awaitLine(outLines, l -> l.contains("\"seq\":1,")));
				json.add(awaitLine(outLines, l -> l.contains("\"seq\":2,")));
				// Ctrl+C, as a terminal sends it
				new ProcessBuilder("kill", "-INT", Long.toString(tap.pid())).start().waitFor();
				assertTrue(tap.waitFor(30, TimeUnit.SECONDS), "tap did not end on SIGINT");
				assertEquals(130, tap.exitValue(), "a JVM ended by SIGINT exits 128 + 2, after its shutdown hooks");
				TrafficJsonLines.Capture capture = TrafficJsonLines.read(new BufferedReader(new StringReader(String.join("\n", json))));
				assertEquals("linux", capture.header().os());
				assertEquals("ptrace", capture.header().method());
				assertEquals(pipe.name(), capture.header().object());
				List<TrafficRecord> records = capture.records();
				assertEquals(List.of(TrafficOp.WRITE, TrafficOp.WRITE), records.stream().map(TrafficRecord::op).toList());
				assertArrayEquals(message(1, 1), records.get(0).payload());
				assertArrayEquals(message(2, 1024 * 1024), records.get(1).payload());
				records.forEach(r -> assertEquals(pipe.writer(), r.pid()));
				String status = Files.readString(Path.of("/proc", Long.toString(pipe.writer()), "status"));
				assertTrue(status.contains("\nTracerPid:\t0\n"), status);
				String summary = awaitLine(errLines, l -> l.startsWith("captured "));
				assertEquals("captured 2, dropped 0", summary);
				pipe.send(3, 2); // it works on
			} finally {
				tap.destroyForcibly();
			}
		}
	}

	@Test
	void anotherUsersProcessIsRefusedWithTheReason() throws Exception {
		assumeTrue(TestUser.canCreate(), "runs tap as another user: only root can create one");
		Path scratch = Files.createTempDirectory("ipcscope-tap");
		try (Pipe pipe = Pipe.start(); TestUser user = TestUser.create("ipcstap")) {
			CliJvm.Run run = CliJvm.runAs(user.name(), scratch, "tap", "--pid", Long.toString(pipe.writer()), "--seconds", "5");
			assertEquals(CommandLine.EXIT_NOT_FOUND, run.exit(), run.err());
			assertEquals("tracing process " + pipe.writer() + " was refused: it runs as uid 0 and you are uid " + user.uid()
					+ "; only its user or root may trace it\n", run.err());
		} finally {
			try (Stream<Path> files = Files.walk(scratch)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	@Test
	void badInputGetsOneLineAndAnExitCode() throws Exception {
		assertEquals(CommandLine.EXIT_USAGE, run("tap"));
		assertTrue(err().startsWith("tap needs --pid PID[,PID...]"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("tap", "--pid", "12,x"));
		assertTrue(err().startsWith("--pid needs a number: x\n"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("tap", "--pid", "1", "--kind", "sysv-shm"));
		assertTrue(err().startsWith("tap captures only fifo, pipe, tcp, udp, unix-socket here\n"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("tap", "--pid", "1", "--kind", "nonsense\u001b"));
		assertTrue(err().startsWith("tap: unknown kind 'nonsense\\x1b'\n"), err());
		err.reset();
		long gone = ProcessHandle.current().pid() + 4_000_000L;
		assertEquals(CommandLine.EXIT_NOT_FOUND, run("tap", "--pid", Long.toString(gone)));
		assertEquals("process " + gone + " does not exist (or has exited)\n", err());
	}

	private static BlockingQueue<String> lines(java.io.InputStream stream) {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					lines.add(line);
				}
			} catch (IOException e) {
				// the process ended
			}
		});
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private static String awaitLine(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (line == null) {
				throw new AssertionError("no awaited line within 60 s");
			}
			if (wanted.test(line)) {
				return line;
			}
		}
	}

	private static void awaitText(java.util.function.Supplier<String> text, String part) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!text.get().contains(part)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no '" + part + "' within 60 s: " + text.get());
			}
			java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
		}
	}
}
