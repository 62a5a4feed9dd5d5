package org.ipcscope.core.hex;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;

/**
 * Writes to a live source that can be undone: each write remembers the bytes it replaced. Undo
 * writes them back, live too; another process may have changed them meanwhile, and undo does
 * not pretend otherwise.
 */
public final class WriteHistory {

	/** One write: where, what was there, what was written. */
	public record Write(long offset, byte[] before, byte[] after) {
	}

	private final Deque<Write> done = new ArrayDeque<>();
	private final Deque<Write> undone = new ArrayDeque<>();

	/**
	 * @throws IOException if a byte to replace cannot be read, or the write failed
	 */
	public synchronized Write write(MemorySource source, long offset, byte[] data) throws IOException {
		MemoryRead old = source.read(offset, data.length);
		if (!old.isComplete()) {
			throw new IOException("Bytes at 0x" + Long.toHexString(offset + old.unreadable().nextSetBit(0))
					+ " cannot be read, so a write there could not be undone");
		}
		source.write(offset, data);
		Write write = new Write(offset, old.bytes(), data.clone());
		done.push(write);
		undone.clear();
		return write;
	}

	public synchronized boolean canUndo() {
		return !done.isEmpty();
	}

	public synchronized boolean canRedo() {
		return !undone.isEmpty();
	}

	/** @return the write undone, or {@code null} if there was none */
	public synchronized Write undo(MemorySource source) throws IOException {
		Write write = done.peek();
		if (write == null) {
			return null;
		}
		source.write(write.offset(), write.before());
		undone.push(done.pop());
		return write;
	}

	/** @return the write done again, or {@code null} if there was none */
	public synchronized Write redo(MemorySource source) throws IOException {
		Write write = undone.peek();
		if (write == null) {
			return null;
		}
		source.write(write.offset(), write.after());
		done.push(undone.pop());
		return write;
	}
}
