package org.ipcscope.core.hex;

import java.util.BitSet;

/**
 * The bytes of the visible rows as read in one refresh, with how recently each changed.
 *
 * @param offset  where the window starts in the source
 * @param bytes   the bytes; unreadable ones are 0
 * @param unreadable indexes into {@code bytes} that could not be read ("??")
 * @param ages    per byte, refreshes since it changed, or {@link ChangeHistory#UNCHANGED}
 * @param tick    the refresh this was read in
 * @param depth   refreshes over which a change fades
 */
public record Viewport(long offset, byte[] bytes, BitSet unreadable, byte[] ages, long tick, int depth) {

	public int length() {
		return bytes.length;
	}

	public long end() {
		return offset + bytes.length;
	}

	/** @return whether the source offset is in this window */
	public boolean covers(long position) {
		return position >= offset && position < end();
	}

	public boolean isReadable(int index) {
		return !unreadable.get(index);
	}

	/** @return whether the byte changed within the history depth */
	public boolean isChanged(int index) {
		return ages[index] != ChangeHistory.UNCHANGED;
	}

	/** @return 1 for a byte changed in this refresh, fading to 1/depth for the oldest remembered change, 0 for none */
	public double heat(int index) {
		int age = ages[index];
		return age == ChangeHistory.UNCHANGED ? 0 : (double) (depth - age) / depth;
	}

	/** @return how many bytes changed in this very refresh */
	public int changedNow() {
		int count = 0;
		for (byte age : ages) {
			if (age == 0) {
				count++;
			}
		}
		return count;
	}
}
