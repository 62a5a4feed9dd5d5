package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * native/win_ipc_helper.exe in its own process: the test sends it commands, it creates the
 * objects and keeps them until {@link #close()} closes its stdin. Each answer is awaited with a
 * timeout, so a stuck helper fails the test instead of hanging it.
 */
final class WinHelper implements AutoCloseable {

	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;
	private final BufferedReader out;
	private final Writer in;
	private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "win_ipc_helper reader");
		thread.setDaemon(true);
		return thread;
	});
	private final long pid;

	private WinHelper(Process process) throws Exception {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
		this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		String ready = readLine();
		assertTrue(ready.startsWith("READY pid="), "helper's first line: " + ready);
		this.pid = Long.parseLong(ready.substring("READY pid=".length()));
	}

	static WinHelper start() throws Exception {
		return new WinHelper(new ProcessBuilder(exe("win_ipc_helper.exe").toString(), "600")
				.redirectError(ProcessBuilder.Redirect.INHERIT).start());
	}

	/** Another helper program that speaks the same protocol (READY pid=N, then OK/ERROR answers). */
	static WinHelper start(String program, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(exe(program).toString()));
		command.addAll(List.of(arguments));
		return new WinHelper(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
	}

	static Path exe(String name) {
		String helpers = System.getProperty("ipcscope.win32.helpers");
		assertNotNull(helpers, "system property ipcscope.win32.helpers (directory of the native helpers) not set");
		Path path = Path.of(helpers, name);
		assertTrue(Files.isRegularFile(path), "no helper at " + path);
		return path;
	}

	long pid() {
		return pid;
	}

	/**
	 * Sends one command (its fields are joined by tabs) and returns the answer's key=value pairs.
	 *
	 * @throws AssertionError if the helper answers ERROR
	 */
	Map<String, String> command(String... fields) throws Exception {
		in.write(String.join("\t", fields) + "\n");
		in.flush();
		String answer = readLine();
		assertTrue(answer.startsWith("OK"), String.join(" ", fields) + " -> " + answer);
		Map<String, String> values = new HashMap<>();
		for (String pair : answer.substring(2).trim().split(" ")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return values;
	}

	private String readLine() throws Exception {
		Future<String> line = reader.submit(out::readLine);
		String text = line.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertNotNull(text, "helper ended");
		return text;
	}

	/** @return the helper's exit code after its stdin was closed */
	int stop() throws Exception {
		in.close();
		assertTrue(process.waitFor(30, TimeUnit.SECONDS), "helper did not exit after stdin closed");
		return process.exitValue();
	}

	@Override
	public void close() throws IOException {
		try {
			in.close();
		} catch (IOException e) {
			// already closed by stop()
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

	static void assertExitedNormally(WinHelper helper) throws Exception {
		assertEquals(0, helper.stop(), "helper exit code");
	}
}
