package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.ipcscope.core.hex.ViewportReader;
import org.ipcscope.core.hex.WriteHistory;
import org.ipcscope.core.memory.MemorySnapshot;
import org.ipcscope.core.memory.MemorySource;

/**
 * The live object behind one editor: its source (read-only, or writable once the user allowed
 * writing), the reader of the visible rows, the baseline snapshot and the undoable writes.
 * Jobs use it; reads hold a read lock so that swapping or closing the source (write lock) never
 * pulls it away under a read.
 */
public final class LiveRegion {

	/** Work on the source that may fail. */
	public interface SourceWork<T> {
		T run(MemorySource source) throws IOException;
	}

	private final ReadWriteLock lock = new ReentrantReadWriteLock();
	private final WriteHistory writes = new WriteHistory();
	private MemorySource source;
	private ViewportReader reader;
	private volatile MemorySnapshot baseline;
	private volatile String gone;
	private volatile Instant goneAt;
	private volatile boolean closed;

	/** Sets the first source, or replaces it (writing allowed or not) keeping the change history. */
	void setSource(MemorySource newSource, int historyDepth) throws IOException {
		MemorySource old;
		lock.writeLock().lock();
		try {
			if (closed) {
				newSource.close();
				return;
			}
			old = source;
			source = newSource;
			if (reader == null) {
				reader = new ViewportReader(newSource, historyDepth);
			} else {
				reader.setSource(newSource);
			}
		} finally {
			lock.writeLock().unlock();
		}
		if (old != null) {
			old.close();
		}
	}

	boolean isOpen() {
		lock.readLock().lock();
		try {
			return source != null;
		} finally {
			lock.readLock().unlock();
		}
	}

	boolean canWrite() {
		lock.readLock().lock();
		try {
			return source != null && source.canWrite();
		} finally {
			lock.readLock().unlock();
		}
	}

	/** Runs work on the source, which stays open meanwhile. */
	public <T> T read(SourceWork<T> work) throws IOException {
		lock.readLock().lock();
		try {
			if (source == null) {
				throw new IOException(closed ? Messages.LiveRegion_Closed : Messages.LiveRegion_NotOpen);
			}
			return work.run(source);
		} finally {
			lock.readLock().unlock();
		}
	}

	/** The reader is confined to the read job; this hands it over under the read lock. */
	<T> T withReader(ReaderWork<T> work) throws IOException {
		lock.readLock().lock();
		try {
			if (reader == null) {
				throw new IOException(closed ? Messages.LiveRegion_Closed : Messages.LiveRegion_NotOpen);
			}
			return work.run(reader);
		} finally {
			lock.readLock().unlock();
		}
	}

	interface ReaderWork<T> {
		T run(ViewportReader reader) throws IOException;
	}

	WriteHistory writes() {
		return writes;
	}

	MemorySnapshot baseline() {
		return baseline;
	}

	/** Keeps a new baseline; the previous one's file is deleted. */
	void setBaseline(MemorySnapshot snapshot) throws IOException {
		MemorySnapshot old = baseline;
		baseline = snapshot;
		if (old != null) {
			old.close();
		}
	}

	void markGone(String message) {
		if (gone == null) {
			goneAt = Instant.now();
			gone = message;
		}
	}

	/** @return why the object is gone, or {@code null} while it is there */
	String gone() {
		return gone;
	}

	Instant goneAt() {
		return goneAt;
	}

	/** Closes the source and deletes the baseline; waits for reads under way. */
	void close() throws IOException {
		lock.writeLock().lock();
		try {
			closed = true;
			if (source != null) {
				source.close();
				source = null;
			}
			reader = null;
		} finally {
			lock.writeLock().unlock();
		}
		setBaseline(null);
	}

	boolean isClosed() {
		return closed;
	}
}
