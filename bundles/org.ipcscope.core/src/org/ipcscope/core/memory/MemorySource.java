package org.ipcscope.core.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * Bytes that can be read at offsets: a shared memory object, a file mapping or another process's
 * memory. One shape for the hex editor, search and the command line. Implementations read only
 * what is asked (never the whole region) and report unreadable bytes instead of failing.
 */
public interface MemorySource extends AutoCloseable {

	/** @return a name for titles and messages, e.g. "/dev/shm/counter" */
	String name();

	/** @return the size in bytes; may change while open (a segment grown or truncated) */
	long size() throws IOException;

	/**
	 * Reads {@code length} bytes at {@code offset}. Bytes past the end or on pages that cannot be
	 * read are marked unreadable in the result.
	 *
	 * @throws SourceGoneException when the object no longer exists (owner exited, removed)
	 * @throws IOException         when reading failed altogether
	 */
	MemoryRead read(long offset, int length) throws IOException;

	/**
	 * Reads {@code into.remaining()} bytes at {@code offset} into {@code into} from its position,
	 * which does not move. Scans call this with one buffer they reuse, so that a source able to read
	 * straight into a direct buffer copies nothing and allocates nothing per chunk.
	 *
	 * @return the unreadable bytes as indexes from the buffer's position; they are 0 in the buffer
	 * @throws SourceGoneException when the object no longer exists (owner exited, removed)
	 * @throws IOException         when reading failed altogether
	 */
	default BitSet read(long offset, ByteBuffer into) throws IOException {
		MemoryRead read = read(offset, into.remaining());
		into.put(into.position(), read.bytes());
		return read.unreadable();
	}

	/**
	 * @return whether reads may run on several threads at once, so that a long search can split
	 *         its range between workers; another process's memory can, a buffer-backed source may not
	 */
	default boolean readsConcurrently() {
		return false;
	}

	/** @return whether {@link #write} can work; inspection is read-only unless the user enables writing */
	default boolean canWrite() {
		return false;
	}

	/**
	 * Writes to the live object, seen at once by every process mapping it.
	 *
	 * @throws IOException if the source is read-only or the write failed
	 */
	default void write(long offset, byte[] data) throws IOException {
		checkWrite(this, false, offset, data.length, 0);
	}

	@Override
	void close() throws IOException;

	/** Refuses a write to a source opened read-only, or one outside [0, size). */
	static void checkWrite(MemorySource source, boolean writable, long offset, int length, long size)
			throws IOException {
		if (!writable) {
			throw new IOException(source.name() + " is open read-only");
		}
		if (offset < 0 || offset + length > size) {
			throw new IOException("Write at " + offset + " of " + length + " bytes is outside " + source.name());
		}
	}
}
