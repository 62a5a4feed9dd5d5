package org.ipcscope.win32.internal;

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
 * A native test helper in its own process, spoken to by lines: commands on its stdin, answers on
 * its stdout, ended by closing its stdin. Every answer is awaited with a timeout, so a stuck
 * helper fails the test instead of hanging it.
 */
public final class HelperChannel implements AutoCloseable {

	private final String name;
	private final Process process;
	private final long answerSeconds;
	private final BufferedReader out;
	private final Writer in;
	private final ExecutorService reader;

	public HelperChannel(String program, List<String> arguments, long answerSeconds) throws IOException {
		this.name = program;
		List<String> command = new ArrayList<>(List.of(exe(program).toString()));
		command.addAll(arguments);
		this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		this.answerSeconds = answerSeconds;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		this.reader = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, program + " reader");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** @return the helper program {@code name} from the directory the build put them in */
	public static Path exe(String name) {
		String helpers = System.getProperty("ipcscope.win32.helpers");
		assertNotNull(helpers, "system property ipcscope.win32.helpers (directory of the native helpers) not set");
		Path path = Path.of(helpers, name);
		assertTrue(Files.isRegularFile(path), "no helper at " + path);
		return path;
	}

	/** @return the {@code key=value} pairs after {@code prefix} on a line that must start with it */
	public static Map<String, String> values(String line, String prefix) {
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

	public void send(String line) throws IOException {
		in.write(line + "\n");
		in.flush();
	}

	/** @return the next line the helper wrote; fails if it ended or said nothing in time */
	public String line() throws Exception {
		Future<String> line = reader.submit(out::readLine);
		String text = line.get(answerSeconds, TimeUnit.SECONDS);
		assertNotNull(text, name + " ended");
		return text;
	}

	/** @return the exit code after stdin was closed */
	public int stop() throws Exception {
		in.close();
		assertTrue(process.waitFor(30, TimeUnit.SECONDS), name + " did not exit after stdin closed");
		return process.exitValue();
	}

	public boolean isAlive() {
		return process.isAlive();
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
}
