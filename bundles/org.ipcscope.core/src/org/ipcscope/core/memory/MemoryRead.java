package org.ipcscope.core.memory;

import java.util.BitSet;

/**
 * The result of one read: the bytes, and which of them could be read. Unreadable bytes are 0 in
 * {@link #bytes()} and must be shown as "??".
 *
 * @param offset     where the read started
 * @param bytes      the bytes; {@code bytes.length} is the length asked for
 * @param unreadable indexes into {@code bytes} that could not be read
 */
public record MemoryRead(long offset, byte[] bytes, BitSet unreadable) {

	public boolean isReadable(int index) {
		return !unreadable.get(index);
	}

	/** @return whether every byte could be read */
	public boolean isComplete() {
		return unreadable.isEmpty();
	}

	/** A read of which only the first {@code readable} bytes could be read. */
	public static MemoryRead partial(long offset, byte[] bytes, int readable) {
		BitSet unreadable = new BitSet(bytes.length);
		if (readable < bytes.length) {
			unreadable.set(Math.max(0, readable), bytes.length);
		}
		return new MemoryRead(offset, bytes, unreadable);
	}
}
