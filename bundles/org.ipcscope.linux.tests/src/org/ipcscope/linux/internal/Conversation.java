package org.ipcscope.linux.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.tests.support.HelperProcess;

/**
 * Two processes of {@code traffic_helper} talking over one channel: what the writer sent, and
 * what the reader says it got (its running byte count and FNV-1a hash).
 */
final class Conversation implements AutoCloseable {

	final HelperProcess helper;
	final long writer;
	final long reader;
	final String writerName;
	final String readerName;
	private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
	private final List<Integer> sizes = new ArrayList<>();
	private long messages;
	/** The reader's last "GOT" line, kept while waiting for the writer's lines (they interleave). */
	private volatile String lastGot = "";

	private Conversation(HelperProcess helper) {
		this.helper = helper;
		long w = 0, r = 0;
		String wn = null, rn = null;
		for (String line : helper.readyLines()) {
			String value = line.substring(line.indexOf(' ') + 1);
			switch (line.substring(0, line.indexOf(' '))) {
			case "writer" -> w = Long.parseLong(value);
			case "reader" -> r = Long.parseLong(value);
			case "wname" -> wn = value;
			case "rname" -> rn = value;
			default -> throw new IllegalStateException(line);
			}
		}
		writer = w;
		reader = r;
		writerName = wn;
		readerName = rn;
	}

	/** @param channel pipe, fifo, unix-stream, unix-dgram or tcp; a FIFO is made in a directory of its own */
	static Conversation start(String channel) throws IOException {
		List<String> command = new ArrayList<>(List.of(HelperProcess.helper("traffic_helper").toString(), channel));
		if (channel.equals("fifo")) {
			command.add(Files.createTempDirectory("ipcscope-tap").resolve("fifo").toString());
		}
		return new Conversation(HelperProcess.start(4, command.toArray(String[]::new)));
	}

	/** The bytes of message {@code k} (1, 2, ...), as the helper makes them. */
	static byte[] message(long k, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) ((k + 7L * i + i / 251) & 255);
		}
		return bytes;
	}

	/** Sends one message and waits until the writer's call returned; @return whether it succeeded */
	boolean send(int size) throws IOException {
		long k = ++messages;
		helper.send("send " + size);
		String line = helper.awaitLine(
				l -> noteGot(l) && (l.equals("SENT " + k) || l.startsWith("FAILED " + k + " ")), Duration.ofSeconds(30));
		if (line.startsWith("SENT")) {
			sent.writeBytes(message(k, size));
			sizes.add(size);
			return true;
		}
		return false;
	}

	/** Sends {@code count} messages of {@code size} at full speed and waits until the writer is done. */
	void flood(int count, int size) throws IOException {
		long last = messages + count;
		for (long k = messages + 1; k <= last; k++) {
			sent.writeBytes(message(k, size));
			sizes.add(size);
		}
		messages = last;
		helper.send("flood " + count + " " + size);
		helper.awaitLine(l -> noteGot(l) && l.equals("SENT " + last), Duration.ofSeconds(120));
	}

	/** Waits until the reader says it got every byte sent so far, unchanged. */
	void awaitDelivered() throws IOException {
		byte[] all = sent.toByteArray();
		String expected = "GOT " + all.length + " " + String.format("%016x", fnv(all));
		if (!lastGot.equals(expected)) {
			helper.awaitLine(l -> noteGot(l) && l.equals(expected), Duration.ofSeconds(60));
		}
	}

	/** @return true, having kept the line if it is the reader's */
	private boolean noteGot(String line) {
		if (line.startsWith("GOT ")) {
			lastGot = line;
		}
		return true;
	}

	byte[] sent() {
		return sent.toByteArray();
	}

	List<Integer> sizes() {
		return List.copyOf(sizes);
	}

	static long fnv(byte[] bytes) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : bytes) {
			hash ^= b & 0xff;
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** @return "State" and "TracerPid" of the process's /proc status, e.g. "S (sleeping)|0" */
	static String stateAndTracer(long pid) throws IOException {
		String state = "?", tracer = "?";
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("State:")) {
				state = line.substring(6).strip();
			} else if (line.startsWith("TracerPid:")) {
				tracer = line.substring(10).strip();
			}
		}
		return state + "|" + tracer;
	}

	@Override
	public void close() {
		helper.close();
	}
}
