package org.ipcscope.core.memory;

import java.io.IOException;
import java.util.BitSet;

/** A source over an array, with bytes that can be made unreadable or the whole source gone. */
public final class ByteArraySource implements MemorySource {

	private final byte[] data;
	private final BitSet unreadable = new BitSet();
	private volatile boolean gone;
	private boolean concurrent;
	private int reads;
	private long bytesRead;

	public ByteArraySource(byte[] data) {
		this.data = data;
	}

	public ByteArraySource(int size) {
		this(new byte[size]);
	}

	public byte[] data() {
		return data;
	}

	public ByteArraySource unreadable(int from, int to) {
		unreadable.set(from, to);
		return this;
	}

	/** Lets a search split its range between workers, as over another process's memory. */
	public ByteArraySource concurrent() {
		concurrent = true;
		return this;
	}

	@Override
	public boolean readsConcurrently() {
		return concurrent;
	}

	public void setGone() {
		gone = true;
	}

	/** @return how many reads were made, to check that only what is needed is read */
	public synchronized int reads() {
		return reads;
	}

	public long bytesRead() {
		return bytesRead;
	}

	@Override
	public String name() {
		return "array";
	}

	@Override
	public long size() throws IOException {
		check();
		return data.length;
	}

	@Override
	public synchronized MemoryRead read(long offset, int length) throws IOException {
		check();
		reads++;
		bytesRead += length;
		byte[] bytes = new byte[length];
		BitSet bits = new BitSet(length);
		for (int i = 0; i < length; i++) {
			long at = offset + i;
			if (at < 0 || at >= data.length || unreadable.get((int) at)) {
				bits.set(i);
			} else {
				bytes[i] = data[(int) at];
			}
		}
		return new MemoryRead(offset, bytes, bits);
	}

	@Override
	public boolean canWrite() {
		return true;
	}

	@Override
	public void write(long offset, byte[] bytes) throws IOException {
		check();
		System.arraycopy(bytes, 0, data, (int) offset, bytes.length);
	}

	private void check() throws SourceGoneException {
		if (gone) {
			throw new SourceGoneException("array gone");
		}
	}

	@Override
	public void close() {
	}
}
