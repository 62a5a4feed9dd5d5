package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.text.NameBytes;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Opens a file only if it is a regular file, without ever opening anything else. /dev/shm is
 * writable by everyone: a user may plant a link there, or a FIFO, whose mere opening wakes a
 * writer blocked on it (also with O_NONBLOCK) or blocks. So the path is first opened with
 * {@code O_PATH} (which opens no device and no FIFO) and {@code O_NOFOLLOW}, that descriptor is
 * checked (stat of /proc/self/fd/N is fstat of it), and only a regular file is then opened for
 * reading, through /proc/self/fd/N: the very file checked, whatever the path names by then.
 */
final class RegularFiles {

	private static final int O_PATH = 010000000;
	private static final int O_CLOEXEC = 02000000;
	/** O_NOFOLLOW differs between architectures; the check after opening holds without it too. */
	private static final Map<String, Integer> O_NOFOLLOW = Map.of("amd64", 0400000, "x86_64", 0400000, "aarch64",
			0100000, "riscv64", 0400000, "ppc64le", 0100000, "s390x", 0400000);
	private static final int S_IFMT = 0170000;
	private static final int S_IFREG = 0100000;
	private static final int EPERM = 1;
	private static final int ENOENT = 2;
	private static final int EACCES = 13;

	interface LibC extends Library {
		int open(byte[] path, int flags);

		int close(int fd);

		String strerror(int errno);
	}

	private static volatile LibC libc;

	private RegularFiles() {
	}

	private static LibC libc() {
		LibC loaded = libc;
		if (loaded == null) {
			loaded = Native.load("c", LibC.class);
			libc = loaded;
		}
		return loaded;
	}

	/**
	 * @param followLink whether a last component that is a link is followed: only for
	 *                   /proc/PID/fd/N, the kernel's link to a file a process holds
	 * @throws NotRegularFileException if it is not a regular file, saying what it is
	 * @throws SourceGoneException     if it does not exist
	 */
	static FileChannel open(Path path, boolean followLink, boolean writable) throws IOException {
		String name = NameBytes.name(path);
		byte[] bytes = NameBytes.encode(name);
		byte[] terminated = new byte[bytes.length + 1];
		System.arraycopy(bytes, 0, terminated, 0, bytes.length);
		int flags = O_PATH | O_CLOEXEC;
		if (!followLink) {
			Integer noFollow = O_NOFOLLOW.get(System.getProperty("os.arch"));
			flags |= noFollow == null ? 0 : noFollow;
		}
		int fd = libc().open(terminated, flags);
		if (fd < 0) {
			int errno = Native.getLastError();
			if (errno == ENOENT) {
				throw new SourceGoneException(name + " does not exist any more");
			}
			String reason = libc().strerror(errno);
			throw errno == EACCES || errno == EPERM ? new AccessDeniedException(name, null, reason)
					: new FileSystemException(name, null, reason);
		}
		try {
			Path opened = Path.of("/proc/self/fd", Integer.toString(fd));
			Map<String, Object> checked = Files.readAttributes(opened, "unix:mode,dev,ino");
			int mode = (Integer) checked.get("mode");
			if ((mode & S_IFMT) != S_IFREG) {
				throw new NotRegularFileException(name, mode);
			}
			if (!followLink) {
				// where O_NOFOLLOW is not known: the path must name the file itself, not a link to it
				Map<String, Object> named = Files.readAttributes(path, "unix:mode,dev,ino", LinkOption.NOFOLLOW_LINKS);
				if ((((Integer) named.get("mode")) & S_IFMT) != S_IFREG || !named.get("dev").equals(checked.get("dev"))
						|| !named.get("ino").equals(checked.get("ino"))) {
					throw new NotRegularFileException(name, (Integer) named.get("mode"));
				}
			}
			return writable ? FileChannel.open(opened, StandardOpenOption.READ, StandardOpenOption.WRITE)
					: FileChannel.open(opened, StandardOpenOption.READ);
		} catch (NoSuchFileException e) {
			throw new SourceGoneException(name + " does not exist any more");
		} catch (AccessDeniedException e) {
			// said of the file, not of the descriptor's link it was opened through
			throw new AccessDeniedException(name, null, e.getReason());
		} finally {
			libc().close(fd);
		}
	}

	/** @return "a FIFO", "a symbolic link"...: what a file of this mode is */
	static String describe(int mode) {
		return switch (mode & S_IFMT) {
		case 0120000 -> "a symbolic link";
		case 0010000 -> "a FIFO";
		case 0020000 -> "a character device";
		case 0060000 -> "a block device";
		case 0140000 -> "a socket";
		case 0040000 -> "a directory";
		case S_IFREG -> "a regular file";
		default -> String.format("a file of type 0%o", mode & S_IFMT);
		};
	}

	/** The path names something that is not a regular file: a link, a FIFO, a device... */
	static final class NotRegularFileException extends IOException {

		private static final long serialVersionUID = 1L;

		NotRegularFileException(String name, int mode) {
			super(name + " is " + describe(mode) + ", not a shared memory segment");
		}
	}
}
