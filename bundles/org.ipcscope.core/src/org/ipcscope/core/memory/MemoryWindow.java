package org.ipcscope.core.memory;

import java.io.IOException;
import java.util.BitSet;


/**
 * A range of a larger source seen from offset 0: one region of a process's address space, so that
 * the editor's size, scrollbar, search and snapshots cover that region and nothing else.
 */
public final class MemoryWindow implements MemorySource {

	private final MemorySource whole;
	private final long base;
	private final long length;
	private final String name;

	public MemoryWindow(MemorySource whole, long base, long length, String name) {
		this.whole = whole;
		this.base = base;
		this.length = length;
		this.name = name;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public long size() {
		return length;
	}

	@Override
	public MemoryRead read(long offset, int count) throws IOException {
		int inside = (int) Math.max(0, Math.min(count, length - offset));
		if (inside == count) {
			MemoryRead read = whole.read(base + offset, count);
			return new MemoryRead(offset, read.bytes(), read.unreadable());
		}
		byte[] bytes = new byte[count];
		BitSet unreadable = new BitSet(count);
		if (inside > 0) {
			MemoryRead read = whole.read(base + offset, inside);
			System.arraycopy(read.bytes(), 0, bytes, 0, inside);
			unreadable.or(read.unreadable());
		}
		unreadable.set(inside, count);
		return new MemoryRead(offset, bytes, unreadable);
	}

	@Override
	public boolean canWrite() {
		return whole.canWrite();
	}

	@Override
	public void write(long offset, byte[] data) throws IOException {
		MemorySource.checkWrite(this, whole.canWrite(), offset, data.length, length);
		whole.write(base + offset, data);
	}

	@Override
	public void close() throws IOException {
		whole.close();
	}
}
