package org.ipcscope.core.hex;

import java.util.Arrays;

import org.ipcscope.core.memory.MemoryRead;

/**
 * When each visible byte last changed, counted in refreshes. Only the window on screen is
 * remembered: memory follows the window, never the region. A byte that scrolls into view has
 * no history yet; bytes that stay in view across a scroll keep theirs.
 */
public final class ChangeHistory {

	/** Age of a byte with no change within the history depth. */
	public static final int UNCHANGED = -1;

	private static final long NEVER = Long.MIN_VALUE;

	private int depth;
	private long tick;
	private long offset;
	private MemoryRead previous;
	private long[] lastChanged = new long[0];

	/** @param depth refreshes over which a change fades out, at least 1 */
	public ChangeHistory(int depth) {
		setDepth(depth);
	}

	public void setDepth(int newDepth) {
		if (newDepth < 1 || newDepth > 100) {
			throw new IllegalArgumentException("History depth must be 1 to 100, not " + newDepth);
		}
		depth = newDepth;
	}

	public int depth() {
		return depth;
	}

	/** @return refreshes so far */
	public long tick() {
		return tick;
	}

	/**
	 * Takes the bytes read now for a window and tells how long ago each changed.
	 *
	 * @param refresh whether this read is a refresh (it ages earlier changes) rather than a scroll
	 * @return per byte of {@code read}: refreshes since it last changed (0 = in this read), or
	 *         {@link #UNCHANGED}
	 */
	public byte[] update(MemoryRead read, boolean refresh) {
		if (refresh) {
			tick++;
		}
		int length = read.bytes().length;
		long[] changed = new long[length];
		Arrays.fill(changed, NEVER);
		if (previous != null) {
			long shift = read.offset() - offset;
			int previousLength = previous.bytes().length;
			int from = (int) Math.max(0, Math.min(length, -shift));
			int to = (int) Math.max(0, Math.min(length, previousLength - shift));
			for (int i = from; i < to; i++) {
				int j = (int) (i + shift);
				changed[i] = differs(previous, j, read, i) ? tick : lastChanged[j];
			}
		}
		previous = read;
		offset = read.offset();
		lastChanged = changed;
		return ages();
	}

	private static boolean differs(MemoryRead before, int j, MemoryRead now, int i) {
		boolean readableBefore = before.isReadable(j);
		if (readableBefore != now.isReadable(i)) {
			return true;
		}
		return readableBefore && before.bytes()[j] != now.bytes()[i];
	}

	/** @return the current ages, as {@link #update} returned them */
	public byte[] ages() {
		byte[] ages = new byte[lastChanged.length];
		for (int i = 0; i < ages.length; i++) {
			long age = lastChanged[i] == NEVER ? Long.MAX_VALUE : tick - lastChanged[i];
			ages[i] = age < depth ? (byte) age : UNCHANGED;
		}
		return ages;
	}

	/** Forgets everything: after the source was reopened. */
	public void clear() {
		previous = null;
		lastChanged = new long[0];
	}
}
