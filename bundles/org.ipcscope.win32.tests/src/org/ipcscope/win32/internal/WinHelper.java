package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * native/win_ipc_helper.exe in its own process: the test sends it commands, it creates the
 * objects and keeps them until {@link #close()} closes its stdin.
 */
public final class WinHelper implements AutoCloseable {

	private static final long ANSWER_SECONDS = 60;

	private final HelperChannel channel;
	private final long pid;

	private WinHelper(String program, List<String> arguments) throws Exception {
		this.channel = new HelperChannel(program, arguments, ANSWER_SECONDS);
		String ready = channel.line();
		assertTrue(ready.startsWith("READY pid="), "helper's first line: " + ready);
		this.pid = Long.parseLong(ready.substring("READY pid=".length()));
	}

	public static WinHelper start() throws Exception {
		return new WinHelper("win_ipc_helper.exe", List.of("600"));
	}

	/** Another helper program that speaks the same protocol (READY pid=N, then OK/ERROR answers). */
	public static WinHelper start(String program, String... arguments) throws Exception {
		return new WinHelper(program, List.of(arguments));
	}

	public static Path exe(String name) {
		return HelperChannel.exe(name);
	}

	public long pid() {
		return pid;
	}

	/**
	 * Sends one command (its fields are joined by tabs) and returns the answer's key=value pairs.
	 *
	 * @throws AssertionError if the helper answers ERROR
	 */
	public Map<String, String> command(String... fields) throws Exception {
		channel.send(String.join("\t", fields));
		String answer = channel.line();
		assertTrue(answer.startsWith("OK"), String.join(" ", fields) + " -> " + answer);
		return HelperChannel.values(answer, "OK");
	}

	/** @return the helper's exit code after its stdin was closed */
	public int stop() throws Exception {
		return channel.stop();
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	public static void assertExitedNormally(WinHelper helper) throws Exception {
		assertEquals(0, helper.stop(), "helper exit code");
	}
}
