package org.ipcscope.core.hex;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.core.memory.MemoryRead;

/**
 * The bytes last read, in aligned blocks, the least recently used dropped beyond a fixed budget:
 * what an editor still shows of an object that went away, wherever the user scrolls. Bytes never
 * read (or dropped) come back unreadable. Memory is bounded by the budget, not the region.
 */
public final class ViewportCache {

	private static final int BLOCK = 4096;

	/** One aligned block: its bytes and which of them were read. */
	private record Block(byte[] bytes, BitSet known) {
	}

	private final int maxBlocks;
	private final Map<Long, Block> blocks;

	/** @param budget bytes to keep at most */
	public ViewportCache(int budget) {
		maxBlocks = Math.max(1, budget / BLOCK);
		blocks = new LinkedHashMap<>(16, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
				return size() > maxBlocks;
			}
		};
	}

	/** Keeps the readable bytes of a read; unreadable ones are forgotten. */
	public synchronized void put(MemoryRead read) {
		long offset = read.offset();
		byte[] bytes = read.bytes();
		for (int i = 0; i < bytes.length;) {
			long at = offset + i;
			long blockStart = Math.floorDiv(at, BLOCK) * BLOCK;
			int inBlock = (int) (at - blockStart);
			int count = Math.min(BLOCK - inBlock, bytes.length - i);
			Block block = blocks.computeIfAbsent(blockStart, b -> new Block(new byte[BLOCK], new BitSet(BLOCK)));
			System.arraycopy(bytes, i, block.bytes(), inBlock, count);
			for (int k = 0; k < count; k++) {
				block.known().set(inBlock + k, read.isReadable(i + k));
			}
			i += count;
		}
	}

	/** @return what was last read of the range; bytes not kept are unreadable */
	public synchronized MemoryRead get(long offset, int length) {
		byte[] bytes = new byte[length];
		BitSet unreadable = new BitSet(length);
		unreadable.set(0, length);
		for (int i = 0; i < length;) {
			long at = offset + i;
			long blockStart = Math.floorDiv(at, BLOCK) * BLOCK;
			int inBlock = (int) (at - blockStart);
			int count = Math.min(BLOCK - inBlock, length - i);
			Block block = blocks.get(blockStart);
			if (block != null) {
				System.arraycopy(block.bytes(), inBlock, bytes, i, count);
				for (int k = 0; k < count; k++) {
					if (block.known().get(inBlock + k)) {
						unreadable.clear(i + k);
					}
				}
			}
			i += count;
		}
		return new MemoryRead(offset, bytes, unreadable);
	}

	/** @return bytes held, for tests of the budget */
	public synchronized long heldBytes() {
		return (long) blocks.size() * BLOCK;
	}
}
