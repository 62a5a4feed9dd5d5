package org.ipcscope.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.text.NameBytes;

/**
 * The bytes between the resident server ({@link DaemonServer}) and its clients (the native
 * {@code ipcscope-client}, {@link DaemonCommand}). A request is {@code IPCS}, a 32-bit length and
 * NUL-ended strings: the protocol version, the working directory, the number of environment
 * entries, the entries ({@code NAME=VALUE}, only of {@link #VARIABLES} that are set), the
 * arguments. A reply is {@code IPCS}, a status byte (0 answered; else declined: the client runs
 * the command itself), the exit code, then stdout and stderr, each as a 32-bit length and bytes.
 * Numbers are big-endian.
 */
final class DaemonProtocol {

	/** The client's exit code for "not answered, run it yourself"; no verb exits with it. */
	static final int FALLBACK = 222;
	/** The environment variables that change what {@code list} prints. */
	static final List<String> VARIABLES = List.of("IPCSCOPE_FIFO_DIRS", "LANG", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "TZ");

	private static final boolean UNIX = File.separatorChar == '/';
	private static final byte[] MAGIC = "IPCS".getBytes(StandardCharsets.US_ASCII);
	private static final String VERSION = "1";
	private static final int MAX_REQUEST = 1 << 20;
	/** A message is read in parts of at most this: what a peer declares is not allocated before it comes. */
	private static final int CHUNK = 64 << 10;

	private DaemonProtocol() {
	}

	record Request(Path workingDirectory, Map<String, String> environment, List<String> args) {

		/** This JVM's own request for {@code args}. */
		static Request of(List<String> args) {
			Map<String, String> environment = new LinkedHashMap<>();
			for (String name : VARIABLES) {
				String value = System.getenv(name);
				if (value != null) {
					environment.put(name, value);
				}
			}
			return new Request(Path.of("").toAbsolutePath(), environment, args);
		}

		void write(WritableByteChannel channel) throws IOException {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			List<String> strings = new ArrayList<>(List.of(VERSION, NameBytes.name(workingDirectory),
					Integer.toString(environment.size())));
			environment.forEach((name, value) -> strings.add(name + "=" + value));
			strings.addAll(args);
			for (String string : strings) {
				body.writeBytes(NameBytes.encode(string));
				body.write(0);
			}
			ByteBuffer buffer = ByteBuffer.allocate(8 + body.size());
			buffer.put(MAGIC).putInt(body.size()).put(body.toByteArray()).flip();
			writeFully(channel, buffer);
		}

		static Request read(ReadableByteChannel channel) throws IOException {
			ByteBuffer head = readFully(channel, 8);
			checkMagic(head);
			int length = head.getInt();
			if (length < 0 || length > MAX_REQUEST) {
				throw new IOException("request of " + length + " bytes");
			}
			byte[] body = readBounded(channel, length);
			List<String> strings = new ArrayList<>();
			for (int start = 0, end; start < body.length; start = end + 1) {
				for (end = start; end < body.length && body[end] != 0; end++) {
				}
				if (end == body.length) {
					throw new IOException("request's last string has no NUL");
				}
				// arguments and paths are bytes: each kept (NameBytes), so a name reaches the system as it came
				strings.add(NameBytes.decode(body, start, end - start));
			}
			if (strings.size() < 3 || !VERSION.equals(strings.get(0))) {
				throw new IOException("not a version " + VERSION + " request");
			}
			int entries;
			try {
				entries = Integer.parseInt(strings.get(2));
			} catch (NumberFormatException e) {
				throw new IOException("bad environment count " + strings.get(2));
			}
			if (entries < 0 || 3 + entries > strings.size()) {
				throw new IOException("bad environment count " + entries);
			}
			Map<String, String> environment = new LinkedHashMap<>();
			for (String entry : strings.subList(3, 3 + entries)) {
				int equals = entry.indexOf('=');
				if (equals <= 0) {
					throw new IOException("bad environment entry " + entry);
				}
				environment.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
			return new Request(workingDirectory(strings.get(1)), environment,
					List.copyOf(strings.subList(3 + entries, strings.size())));
		}

		private static Path workingDirectory(String name) throws IOException {
			try {
				// asked of the name on Unix: NameBytes makes a relative name absolute against this JVM's directory
				if (UNIX ? !name.startsWith("/") : !Path.of(name).isAbsolute()) {
					throw new IOException("request's working directory is not absolute");
				}
				return NameBytes.path(name);
			} catch (IllegalArgumentException e) {
				// InvalidPathException among them
				throw new IOException("request's working directory is not a path here: " + e.getMessage());
			}
		}
	}

	record Reply(boolean answered, int exitCode, byte[] out, byte[] err) {

		static final Reply DECLINED = new Reply(false, FALLBACK, new byte[0], new byte[0]);

		void write(WritableByteChannel channel) throws IOException {
			ByteBuffer buffer = ByteBuffer.allocate(4 + 1 + 4 + 4 + out.length + 4 + err.length);
			buffer.put(MAGIC).put((byte) (answered ? 0 : 1)).putInt(exitCode).putInt(out.length).put(out)
					.putInt(err.length).put(err).flip();
			writeFully(channel, buffer);
		}

		/** @throws EOFException if the server went away before the whole reply was in */
		static Reply read(ReadableByteChannel channel) throws IOException {
			ByteBuffer head = readFully(channel, 13);
			checkMagic(head);
			boolean answered = head.get() == 0;
			int code = head.getInt();
			byte[] out = readBounded(channel, length(head.getInt()));
			byte[] err = readBounded(channel, length(readFully(channel, 4).getInt()));
			return new Reply(answered, code, out, err);
		}

		private static int length(int length) throws IOException {
			if (length < 0) {
				throw new IOException("reply part of " + Integer.toUnsignedString(length) + " bytes");
			}
			return length;
		}
	}

	private static void checkMagic(ByteBuffer head) throws IOException {
		byte[] magic = new byte[MAGIC.length];
		head.get(magic);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new IOException("not an IPC Scope server's message");
		}
	}

	private static ByteBuffer readFully(ReadableByteChannel channel, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) < 0) {
				throw new EOFException("the other side closed after " + buffer.position() + " of " + length + " bytes");
			}
		}
		return buffer.flip();
	}

	/** Reads {@code length} bytes in parts: memory grows with what comes, not with what was declared. */
	private static byte[] readBounded(ReadableByteChannel channel, int length) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream(Math.min(length, CHUNK));
		ByteBuffer chunk = ByteBuffer.allocate(Math.min(length, CHUNK));
		while (received.size() < length) {
			chunk.clear().limit(Math.min(chunk.capacity(), length - received.size()));
			if (channel.read(chunk) < 0) {
				throw new EOFException("the other side closed after " + received.size() + " of " + length + " bytes");
			}
			received.write(chunk.array(), 0, chunk.position());
		}
		return received.toByteArray();
	}

	private static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}
}
