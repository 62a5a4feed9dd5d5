package org.ipcscope.core.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A shared memory object that has a file: POSIX shared memory (/dev/shm), a file-backed mapping.
 * Positional reads touch only the asked range, whatever the size, and a truncated object reads
 * short instead of faulting as a mapped buffer would (SIGBUS).
 */
public final class FileMemorySource implements MemorySource {

	private final Path path;
	private final FileChannel channel;
	private final boolean writable;

	private FileMemorySource(Path path, FileChannel channel, boolean writable) {
		this.path = path;
		this.channel = channel;
		this.writable = writable;
	}

	/** Opens read-only. */
	public static FileMemorySource open(Path path) throws IOException {
		return new FileMemorySource(path, FileChannel.open(path, StandardOpenOption.READ), false);
	}

	/** Opens for reading and writing: only when the user asked to write. */
	public static FileMemorySource openWritable(Path path) throws IOException {
		return new FileMemorySource(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE),
				true);
	}

	@Override
	public String name() {
		return path.toString();
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
		if (!Files.exists(path)) {
			throw new SourceGoneException(path + " was removed");
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
