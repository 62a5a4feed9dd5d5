package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.ipcscope.win32.internal.HelperChannel;

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

	private final HelperChannel channel;
	final long hwnd;
	final long pid;
	final long thread;

	private CopyDataHelper(List<String> arguments) throws Exception {
		this.channel = new HelperChannel("copydata_helper.exe", arguments, ANSWER_SECONDS);
		Map<String, String> ready = HelperChannel.values(channel.line(), "READY");
		hwnd = Long.decode(ready.get("hwnd"));
		pid = Long.parseLong(ready.get("pid"));
		thread = Long.parseLong(ready.get("thread"));
	}

	/** Starts a receiver window of class {@code className}, titled {@code title}, of the given kind. */
	static CopyDataHelper receiver(String className, String title, String kind) throws Exception {
		return new CopyDataHelper(List.of("receive", className, title, kind));
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
		return HelperChannel.exe("copydata_helper.exe");
	}

	/** Sends a command; returns the lines before the final "OK ..." line and that line's values. */
	List<String> command(String command, Map<String, String> values) throws Exception {
		channel.send(command);
		List<String> lines = new ArrayList<>();
		for (String line = channel.line(); ; line = channel.line()) {
			if (line.startsWith("OK")) {
				values.putAll(HelperChannel.values(line, "OK"));
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
		channel.send("title");
		String line = channel.line();
		assertTrue(line.startsWith("OK visible="), line);
		values.put("visible", line.substring("OK visible=".length(), "OK visible=".length() + 1));
		values.put("title", line.substring(line.indexOf(" title=") + " title=".length()));
		return values;
	}



	/** Closes the window (stdin closes) and waits for the process to end. */
	@Override
	public void close() throws IOException {
		channel.close();
	}

	boolean isAlive() {
		return channel.isAlive();
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
