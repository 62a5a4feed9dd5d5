package org.ipcscope.cli.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The resident server's hold on its {@link DaemonPlace}: the place's lock, so that one server
 * serves a socket, then the socket bound in the place's private directory. Closing it removes the
 * socket (a client that comes then runs the command itself) and lets the lock go.
 */
final class DaemonSocket implements AutoCloseable {

	private final DaemonPlace place;
	private final FileChannel lockFile;
	private final FileLock lock;
	private ServerSocketChannel channel;
	private Object inode;

	private DaemonSocket(DaemonPlace place, FileChannel lockFile, FileLock lock) {
		this.place = place;
		this.lockFile = lockFile;
		this.lock = lock;
	}

	/**
	 * Takes the place's lock. Call after {@link DaemonPlace#prepare}.
	 *
	 * @return the guard, or {@code null} when another server holds the lock
	 */
	static DaemonSocket lock(DaemonPlace place) throws IOException {
		FileChannel lockFile = place.openLock();
		try {
			FileLock lock = lockFile.tryLock();
			if (lock == null) {
				lockFile.close();
				return null;
			}
			return new DaemonSocket(place, lockFile, lock);
		} catch (IOException | RuntimeException e) {
			lockFile.close();
			throw e;
		}
	}

	/** Binds the socket (a file left there is a dead server's: the lock is ours) and clears a failure marker. */
	ServerSocketChannel bind() throws IOException {
		Path socket = place.socket();
		Files.deleteIfExists(socket);
		channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		channel.bind(UnixDomainSocketAddress.of(socket));
		inode = fileKey(socket);
		place.clearMarker();
		return channel;
	}

	/** @return whether the socket file is no longer the one bound (removed, or replaced) */
	boolean isGone() {
		return !inode.equals(fileKey(place.socket()));
	}

	/** Stops listening and removes the socket; the lock is held until {@link #close}. */
	void unbind() throws IOException {
		if (channel != null) {
			channel.close();
			channel = null;
			Files.deleteIfExists(place.socket());
		}
	}

	@Override
	public void close() throws IOException {
		try {
			unbind();
		} finally {
			try {
				lock.release();
			} finally {
				lockFile.close();
			}
		}
	}

	private static Object fileKey(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
		} catch (IOException e) {
			return "gone";
		}
	}
}
