package org.ipcscope.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two processes of {@code traffic_helper} talking over one channel: what the writer sent, and
 * what the reader says it got (its running byte count and FNV-1a hash).
 */
public final class TrafficConversation implements AutoCloseable {

	public final HelperProcess helper;
	public final long writer;
	public final long reader;
	/** Each end's name as {@code list} shows it (a FIFO's path, pipe:[INODE], ...). */
	public final String writerName;
	public final String readerName;
	/** The directory a FIFO was made in, deleted on close; null for the other channels. */
	private final Path fifoDir;
	private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
	private final List<Integer> sizes = new ArrayList<>();
	private long messages;
	/** The reader's last "GOT" line, kept while waiting for the writer's lines (they interleave). */
	private volatile String lastGot = "";

	private TrafficConversation(HelperProcess helper, Path fifoDir) {
		this.helper = helper;
		this.fifoDir = fifoDir;
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
	public static TrafficConversation start(String channel) throws IOException {
		List<String> command = new ArrayList<>(List.of(HelperProcess.helper("traffic_helper").toString(), channel));
		Path fifoDir = null;
		if (channel.equals("fifo")) {
			fifoDir = Files.createTempDirectory("ipcscope-traffic");
			command.add(fifoDir.resolve("fifo").toString());
		}
		return new TrafficConversation(HelperProcess.start(4, command.toArray(String[]::new)), fifoDir);
	}

	/** The bytes of message {@code k} (1, 2, ...), as the helper makes them. */
	public static byte[] message(long k, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) ((k + 7L * i + i / 251) & 255);
		}
		return bytes;
	}

	/** Sends one message and waits until the writer's call returned; @return whether it succeeded */
	public boolean send(int size) throws IOException {
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
	public void flood(int count, int size) throws IOException {
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
	public void awaitDelivered() throws IOException {
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

	public byte[] sent() {
		return sent.toByteArray();
	}

	public List<Integer> sizes() {
		return List.copyOf(sizes);
	}

	public static long fnv(byte[] bytes) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : bytes) {
			hash ^= b & 0xff;
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** @return "State" and "TracerPid" of the process's /proc status, e.g. "S (sleeping)|0" */
	public static String stateAndTracer(long pid) throws IOException {
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
		if (fifoDir != null) {
			try {
				Files.deleteIfExists(fifoDir.resolve("fifo"));
				Files.deleteIfExists(fifoDir);
			} catch (IOException e) {
				// a left temporary directory is no test failure
			}
		}
	}
}
