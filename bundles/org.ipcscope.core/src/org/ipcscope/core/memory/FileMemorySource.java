package org.ipcscope.core.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.ipcscope.core.text.NameBytes;

/**
 * A shared memory object that has a file: POSIX shared memory (/dev/shm), a file-backed mapping.
 * Positional reads touch only the asked range, whatever the size, and a truncated object reads
 * short instead of faulting as a mapped buffer would (SIGBUS).
 */
public final class FileMemorySource implements MemorySource {

	private final String name;
	/** What must still exist for the object to be there: its name in /dev/shm, the holder's link. */
	private final Path presence;
	private final FileChannel channel;
	private final boolean writable;

	private FileMemorySource(String name, Path presence, FileChannel channel, boolean writable) {
		this.name = name;
		this.presence = presence;
		this.channel = channel;
		this.writable = writable;
	}

	/**
	 * Opens read-only a regular file, not following a link at its end. A caller that can open
	 * without ever touching a FIFO or device (Linux: {@code O_PATH}) uses {@link #of} instead.
	 */
	public static FileMemorySource open(Path path) throws IOException {
		return open(path, false);
	}

	/** Opens for reading and writing, as {@link #open(Path)}: only when the user asked to write. */
	public static FileMemorySource openWritable(Path path) throws IOException {
		return open(path, true);
	}

	private static FileMemorySource open(Path path, boolean writable) throws IOException {
		if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException(NameBytes.name(path) + " is not a regular file: not opened");
		}
		FileChannel channel = writable
				? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)
				: FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
		return of(NameBytes.name(path), path, channel, writable);
	}

	/**
	 * @param name     what messages call it
	 * @param presence what must still exist for the object to be there (not followed if a link)
	 * @param channel  the object's file, already checked to be what it should be; closed with this
	 */
	public static FileMemorySource of(String name, Path presence, FileChannel channel, boolean writable) {
		return new FileMemorySource(name, presence, channel, writable);
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public long size() throws IOException {
		checkPresent();
		return channel.size();
	}

	@Override
	public MemoryRead read(long offset, int length) throws IOException {
		checkPresent();
		byte[] bytes = new byte[length];
		if (offset < 0) {
			return MemoryRead.partial(offset, bytes, 0);
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, offset + buffer.position());
			if (read <= 0) {
				break;
			}
		}
		return MemoryRead.partial(offset, bytes, buffer.position());
	}

	@Override
	public boolean canWrite() {
		return writable;
	}

	@Override
	public void write(long offset, byte[] data) throws IOException {
		MemorySource.checkWrite(this, writable, offset, data.length, size());
		ByteBuffer buffer = ByteBuffer.wrap(data);
		while (buffer.hasRemaining()) {
			channel.write(buffer, offset + buffer.position());
		}
	}

	/** An unlinked object stays readable through the open channel, but the user must know it is gone. */
	private void checkPresent() throws SourceGoneException {
		if (!Files.exists(presence, LinkOption.NOFOLLOW_LINKS)) {
			throw new SourceGoneException(name + " was removed");
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
