package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * native/win_mem_helper.exe in its own process: the tests ask it to place bytes in its memory and
 * to tell what it sees there. Answers are awaited with a timeout; the helper itself exits after
 * 300 seconds whatever happens.
 */
final class MemoryHelper implements AutoCloseable {

	private static final long ANSWER_SECONDS = 60;

	private final Process process;
	private final BufferedReader out;
	private final Writer in;
	private final long pid;

	MemoryHelper() throws Exception {
		process = new ProcessBuilder(WinHelper.exe("win_mem_helper.exe").toString(), "300")
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
		in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
		String ready = readLine();
		assertTrue(ready.startsWith("READY pid="), "helper's first line: " + ready);
		pid = Long.parseLong(ready.substring("READY pid=".length()));
	}

	/** The test DLL with a shared section, beside the helpers. */
	static Path sharedDll() {
		return WinHelper.exe("ipcscope_shared_test.dll");
	}

	long pid() {
		return pid;
	}

	Process process() {
		return process;
	}

	/** @return the answer's key=value pairs; numbers in 0x form stay strings, see {@link #address} */
	Map<String, String> command(String... words) throws Exception {
		in.write(String.join(" ", words) + "\n");
		in.flush();
		String answer = readLine();
		assertTrue(answer.startsWith("OK"), String.join(" ", words) + " -> " + answer);
		Map<String, String> values = new HashMap<>();
		for (String pair : answer.substring(2).trim().split(" ")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return values;
	}

	/** Sends the command and returns the address the helper answers under {@code key}. */
	long address(String key, String... words) throws Exception {
		String value = command(words).get(key);
		assertNotNull(value, key + " in the answer to " + String.join(" ", words));
		return Long.parseUnsignedLong(value.substring(2), 16);
	}

	private String readLine() throws Exception {
		String line = CompletableFuture.supplyAsync(() -> {
			try {
				return out.readLine();
			} catch (IOException e) {
				return null;
			}
		}).get(ANSWER_SECONDS, TimeUnit.SECONDS);
		assertNotNull(line, "helper ended");
		return line;
	}

	@Override
	public void close() {
		try {
			in.close();
		} catch (IOException e) {
			// the helper has exited already
		}
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
