package org.ipcscope.core.hex;

import java.io.IOException;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;

/**
 * Reads the visible rows of a source, and only those, at each refresh, and keeps the change
 * history of the visible bytes. Not thread-safe: one refresh job owns it.
 */
public final class ViewportReader {

	private volatile MemorySource source;
	private final ChangeHistory history;

	public ViewportReader(MemorySource source, int historyDepth) {
		this.source = source;
		this.history = new ChangeHistory(historyDepth);
	}

	public MemorySource source() {
		return source;
	}

	/** Reads from another source of the same object (reopened for writing) keeping the history. */
	public void setSource(MemorySource newSource) {
		source = newSource;
	}

	public void setHistoryDepth(int depth) {
		history.setDepth(depth);
	}

	/**
	 * Reads {@code length} bytes at {@code offset}: one refresh tick, earlier changes age by one.
	 *
	 * @throws org.ipcscope.core.memory.SourceGoneException when the object is gone
	 */
	public Viewport refresh(long offset, int length) throws IOException {
		return read(offset, length, true);
	}

	/** Reads a new window after a scroll without aging the changes already marked. */
	public Viewport move(long offset, int length) throws IOException {
		return read(offset, length, false);
	}

	private Viewport read(long offset, int length, boolean tick) throws IOException {
		MemoryRead read = source.read(offset, length);
		byte[] ages = history.update(read, tick);
		return new Viewport(offset, read.bytes(), read.unreadable(), ages, history.tick(), history.depth());
	}
}
