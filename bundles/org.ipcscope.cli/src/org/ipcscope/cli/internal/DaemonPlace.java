package org.ipcscope.cli.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import org.ipcscope.core.internal.TrustedPaths;

/**
 * Where a resident server listens: its socket, in a directory of this user's that no one else may
 * enter ({@link TrustedPaths#checkPrivate}), beside it its lock ({@code SOCKET.lock}) and, when a
 * server could not start, a marker saying why ({@code SOCKET.failed}). Nothing is written there
 * before the directory is checked, and nothing through a link: a directory another user made
 * (the {@code /tmp/ipcscope-UID} fallback taken) gets no server at all.
 *
 * A marker stops the script from starting servers for {@link #RETRY} (each would fail the same
 * way); after that the next {@code list} tries again, and a server that starts removes it.
 */
final class DaemonPlace {

	/** How long a failure marker holds the script back from starting another server. */
	static final Duration RETRY = Duration.ofMinutes(10);

	private final Path socket;

	DaemonPlace(Path socket) {
		this.socket = socket.toAbsolutePath();
	}

	Path socket() {
		return socket;
	}

	Path marker() {
		return socket.resolveSibling(socket.getFileName() + ".failed");
	}

	/**
	 * Makes the socket's directory if it is missing (only inside a directory no one else can
	 * change), and checks it is this user's own.
	 *
	 * @throws IOException saying why no server may listen here
	 */
	void prepare() throws IOException {
		TrustedPaths.createPrivate(socket.getParent());
	}

	/** Opens the lock file, never through a link. Call after {@link #prepare}. */
	FileChannel openLock() throws IOException {
		return FileChannel.open(socket.resolveSibling(socket.getFileName() + ".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
	}

	/** Leaves the reason a server could not start, for the script and {@code daemon status}. Call after {@link #prepare}. */
	void markFailed(String reason) throws IOException {
		Path directory = socket.getParent();
		// a new file renamed over the marker: a link there is replaced, never followed
		Path partial = Files.createTempFile(directory, socket.getFileName().toString(), ".part",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.writeString(partial, Instant.now() + " " + oneLine(reason) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
			Files.move(partial, marker(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	void clearMarker() throws IOException {
		Files.deleteIfExists(marker());
	}

	/**
	 * Why no server listens here, for {@code daemon status}: the directory is not this user's, or
	 * the last server failed to start; {@code null} when nothing stands in the way.
	 */
	String problem() {
		try {
			TrustedPaths.checkPrivate(socket.getParent());
		} catch (NoSuchFileException e) {
			return null; // the next server makes it
		} catch (IOException e) {
			return "no server can start there: " + e.getMessage() + "; every `list` runs in a JVM of its own"
					+ " (remove that directory, or set TMPDIR or XDG_RUNTIME_DIR to a place of yours)";
		}
		try {
			Instant at = Files.getLastModifiedTime(marker(), LinkOption.NOFOLLOW_LINKS).toInstant();
			String reason = Files.readString(marker(), StandardCharsets.UTF_8).strip();
			int space = reason.indexOf(' ');
			return "the last server failed to start: " + (space < 0 ? reason : reason.substring(space + 1))
					+ "; the first `list` after " + at.plus(RETRY) + " tries again (or remove " + marker() + ")";
		} catch (NoSuchFileException e) {
			return null;
		} catch (IOException e) {
			return "its failure marker is unreadable: " + e;
		}
	}

	/** A message for a line of its own: control characters escaped. */
	static String oneLine(String text) {
		StringBuilder line = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
				line.append(String.format("\\x%02x", c));
			} else {
				line.appendCodePoint(c);
			}
		});
		return line.toString();
	}
}
