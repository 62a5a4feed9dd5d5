package org.ipcscope.win32.internal.traffic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.ipcscope.win32.internal.HelperChannel;

/**
 * native/traffic_helper.exe: a pipe, mailslot or TCP server or client in its own process,
 * commands on stdin, answers on stdout.
 */
final class TrafficHelper implements AutoCloseable {

	private static final long ANSWER_SECONDS = 120;

	private final HelperChannel channel;
	final long pid;
	final Map<String, String> ready;

	TrafficHelper(String... arguments) throws Exception {
		channel = new HelperChannel("traffic_helper.exe", List.of(arguments), ANSWER_SECONDS);
		ready = HelperChannel.values(channel.line(), "READY");
		pid = Long.parseLong(ready.get("pid"));
	}

	/** Sends a command and returns the answer line. */
	String command(String command) throws Exception {
		channel.send(command);
		String line = channel.line();
		assertTrue(!line.startsWith("ERROR"), command + " -> " + line);
		return line;
	}

	/** Sends a command that has no answer. */
	void send(String command) throws Exception {
		channel.send(command);
	}

	/** @return the next line the helper prints (a server's MSG or COUNT lines) */
	String line() throws Exception {
		return channel.line();
	}

	/** @return the client's bytes for one message of {@code size} bytes */
	static byte[] pattern(int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (i * 31 + size + 7);
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

	boolean isAlive() {
		return channel.isAlive();
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
