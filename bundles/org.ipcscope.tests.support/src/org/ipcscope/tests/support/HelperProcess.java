package org.ipcscope.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A native helper program that creates real IPC objects in its own process. It prints one
 * {@code READY ...} line per object and keeps them until its stdin is closed; some verbs print
 * more lines later ({@link #awaitLine}).
 */
public final class HelperProcess implements AutoCloseable {

	/** System property naming the directory the native helpers were compiled into. */
	public static final String HELPERS_PROPERTY = "ipcscope.test.helpers";

	private final Process process;
	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
	private final List<String> readyLines = new ArrayList<>();

	private HelperProcess(Process process) {
		this.process = process;
		BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		Thread reader = new Thread(() -> {
			try {
				for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
					lines.add(line);
				}
			} catch (IOException e) {
				// the helper went away: waiting callers time out or see it ended
			}
			lines.add(END);
		}, "helper stdout " + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/** Marks the end of the helper's output in {@link #lines}. */
	private static final String END = new String("end of output");

	/** @return the path of a compiled helper, checked to exist */
	public static Path helper(String name) {
		String dir = System.getProperty(HELPERS_PROPERTY);
		if (dir == null) {
			throw new IllegalStateException("System property " + HELPERS_PROPERTY + " is not set");
		}
		Path path = Path.of(dir, name);
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException("Helper " + path + " was not built");
		}
		return path;
	}

	/**
	 * Starts a helper and waits until it reported {@code objects} READY lines.
	 *
	 * @throws IOException if it failed or did not get ready within 20 s; its stderr is in the message
	 */
	public static HelperProcess start(int objects, String... command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectError(ProcessBuilder.Redirect.PIPE);
		HelperProcess helper = new HelperProcess(builder.start());
		try {
			helper.awaitReady(objects);
		} catch (IOException e) {
			helper.process.destroyForcibly();
			throw e;
		}
		return helper;
	}

	private void awaitReady(int objects) throws IOException {
		while (readyLines.size() < objects) {
			String line = awaitLine(l -> l.startsWith("READY "), Duration.ofSeconds(20));
			readyLines.add(line.substring("READY ".length()));
		}
	}

	/**
	 * Waits for the next output line that passes {@code wanted}, skipping the others.
	 *
	 * @throws IOException if the helper ended first or nothing came within {@code timeout}
	 */
	public String awaitLine(Predicate<String> wanted, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null) {
					throw new IOException("no awaited line from the helper within " + timeout.toSeconds() + " s");
				}
				if (line == END) {
					lines.add(END);
					throw new IOException("helper ended before the awaited line: " + stderr());
				}
				if (wanted.test(line)) {
					return line;
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	private String stderr() {
		try {
			return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		} catch (IOException e) {
			return "(stderr unreadable: " + e.getMessage() + ")";
		}
	}

	/** @return what followed READY on each line, in order ("posix /name", "sysv 42") */
	public List<String> readyLines() {
		return List.copyOf(readyLines);
	}

	public long pid() {
		return process.pid();
	}

	/** Writes one command line to the helper's stdin, for helpers that take commands. */
	public void send(String line) throws IOException {
		process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().flush();
	}

	/**
	 * Closes the helper's stdin, which makes it remove its objects and exit.
	 *
	 * @return its exit code
	 */
	public int finish() throws IOException, InterruptedException {
		process.getOutputStream().close();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("helper did not exit within 20 s of its stdin closing");
		}
		return process.exitValue();
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			try {
				finish();
			} catch (IOException e) {
				process.destroyForcibly();
			} catch (InterruptedException e) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}
}
