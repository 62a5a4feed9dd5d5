package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * native/copydata_helper.exe: a receiver window in its own process (commands on stdin, answers on
 * stdout, ends when stdin closes) or a sender run to its end. Every wait has a timeout.
 */
final class CopyDataHelper implements AutoCloseable {

	static final String MESSAGE_ONLY = "message-only";
	static final String TOP_LEVEL = "top-level";
	/** A top-level window shown at (0, 0), 200 x 100. */
	static final String VISIBLE = "visible";

	private static final long ANSWER_SECONDS = 120;

	private final Process process;
	private final BufferedReader out;
	private final Writer in;
	private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "copydata_helper reader");
		thread.setDaemon(true);
		return thread;
	});
	final long hwnd;
	final long pid;
	final long thread;

	private CopyDataHelper(Process process) throws Exception {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Map<String, String> ready = values(line(), "READY");
		hwnd = Long.decode(ready.get("hwnd"));
		pid = Long.parseLong(ready.get("pid"));
		thread = Long.parseLong(ready.get("thread"));
	}

	/** Starts a receiver window of class {@code className}, titled {@code title}, of the given kind. */
	static CopyDataHelper receiver(String className, String title, String kind) throws Exception {
		return new CopyDataHelper(new ProcessBuilder(exe().toString(), "receive", className, title, kind)
				.redirectError(ProcessBuilder.Redirect.INHERIT).start());
	}

	/** Runs the helper to its end and returns its output lines. */
	static List<String> run(String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(exe().toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		process.getOutputStream().close();
		Future<List<String>> lines = Executors.newSingleThreadExecutor().submit(() -> {
			try (BufferedReader r = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				return r.lines().toList();
			}
		});
		assertTrue(process.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS), "copydata_helper " + args[0] + " did not end");
		List<String> output = lines.get(10, TimeUnit.SECONDS);
		assertTrue(process.exitValue() == 0, "copydata_helper " + String.join(" ", args) + " -> exit "
				+ process.exitValue() + ": " + output);
		return output;
	}

	static Path exe() {
		String helpers = System.getProperty("ipcscope.win32.helpers");
		assertNotNull(helpers, "system property ipcscope.win32.helpers (directory of the native helpers) not set");
		Path path = Path.of(helpers, "copydata_helper.exe");
		assertTrue(Files.isRegularFile(path), "no helper at " + path);
		return path;
	}

	/** Sends a command; returns the lines before the final "OK ..." line and that line's values. */
	List<String> command(String command, Map<String, String> values) throws Exception {
		in.write(command + "\n");
		in.flush();
		List<String> lines = new ArrayList<>();
		for (String line = line(); ; line = line()) {
			if (line.startsWith("OK")) {
				values.putAll(values(line, "OK"));
				return lines;
			}
			assertTrue(!line.startsWith("ERROR"), command + " -> " + line);
			lines.add(line);
		}
	}

	/** @return "MSG dwData cbData fnv" lines of every message the window received */
	List<String> received() throws Exception {
		return command("list", new HashMap<>());
	}

	long count() throws Exception {
		Map<String, String> values = new HashMap<>();
		command("count", values);
		return Long.parseLong(values.get("count"));
	}

	/** @return visible ("0"/"1") and title as the window itself sees them */
	Map<String, String> title() throws Exception {
		Map<String, String> values = new HashMap<>();
		in.write("title\n");
		in.flush();
		String line = line();
		assertTrue(line.startsWith("OK visible="), line);
		values.put("visible", line.substring("OK visible=".length(), "OK visible=".length() + 1));
		values.put("title", line.substring(line.indexOf(" title=") + " title=".length()));
		return values;
	}

	private static Map<String, String> values(String line, String prefix) {
		assertTrue(line.startsWith(prefix), "expected " + prefix + ": " + line);
		Map<String, String> values = new HashMap<>();
		for (String pair : line.substring(prefix.length()).trim().split(" ")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return values;
	}

	private String line() throws Exception {
		Future<String> line = reader.submit(out::readLine);
		String text = line.get(ANSWER_SECONDS, TimeUnit.SECONDS);
		assertNotNull(text, "copydata_helper ended");
		return text;
	}

	/** Closes the window (stdin closes) and waits for the process to end. */
	@Override
	public void close() throws IOException {
		try {
			in.close();
		} catch (IOException e) {
			// already gone
		}
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		reader.shutdownNow();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** The sender's payload for a message with {@code dwData}: what copydata_helper.c's pattern() makes. */
	static byte[] pattern(long dwData, int size) {
		byte[] bytes = new byte[size];
		for (int k = 0; k < size; k++) {
			bytes[k] = (byte) (k * 131 + dwData * 7 + (k >>> 8));
		}
		return bytes;
	}

	static String fnv(byte[] bytes) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : bytes) {
			hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
		}
		return String.format("%016x", hash);
	}
}
