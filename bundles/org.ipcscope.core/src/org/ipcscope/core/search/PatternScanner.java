package org.ipcscope.core.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds where a {@link BytePattern} matches in a buffer, eight bytes at a time: two anchor bytes
 * of the pattern, the rarest in memory as it usually is, are compared with a whole word at once
 * (SWAR: a zero-byte test on {@code word ^ anchor}), and only where both agree are the other bytes
 * compared. Wildcards and half bytes cost nothing more than exact bytes, since the anchors are
 * exact bytes wherever the pattern has any.
 */
final class PatternScanner {

	private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

	private final byte[] bytes;
	private final byte[] mask;
	private final int first;
	private final int second;
	private final long firstValue;
	private final long firstMask;
	private final long secondValue;
	private final long secondMask;

	PatternScanner(BytePattern pattern) {
		bytes = pattern.bytes();
		mask = pattern.mask();
		first = rarest(-1);
		int other = rarest(first);
		second = other < 0 ? first : other;
		firstValue = broadcast(bytes[first]);
		firstMask = broadcast(mask[first]);
		secondValue = broadcast(bytes[second]);
		secondMask = broadcast(mask[second]);
	}

	/**
	 * @param data little-endian; its limit bounds every read
	 * @return the first {@code at} in [from, last] where the whole pattern matches, or -1
	 */
	int next(ByteBuffer data, int from, int last) {
		assert data.order() == ByteOrder.LITTLE_ENDIAN;
		int words = Math.min(last, data.limit() - Long.BYTES - Math.max(first, second));
		int at = from;
		for (; at <= words; at += Long.BYTES) {
			long hits = lanes(data.getLong(at + first), firstValue, firstMask)
					& lanes(data.getLong(at + second), secondValue, secondMask);
			while (hits != 0) {
				int candidate = at + (Long.numberOfTrailingZeros(hits) >>> 3);
				if (candidate > last) {
					return -1;
				}
				if (matchesAt(data, candidate)) {
					return candidate;
				}
				hits &= hits - 1;
			}
		}
		for (; at <= last; at++) {
			if (matchesAt(data, at)) {
				return at;
			}
		}
		return -1;
	}

	boolean matchesAt(ByteBuffer data, int at) {
		for (int i = 0; i < bytes.length; i++) {
			if ((data.get(at + i) & mask[i]) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	/** @return a word whose bytes are 0x80 where {@code word}'s masked byte equals the value, else 0 */
	private static long lanes(long word, long value, long mask) {
		long x = (word & mask) ^ value;
		return ~(((x & LOW7) + LOW7) | x | LOW7);
	}

	private static long broadcast(byte b) {
		return (b & 0xFFL) * 0x0101010101010101L;
	}

	/**
	 * @return the index of the byte least likely to occur in memory, other than {@code except}, of
	 *         equally likely ones the farthest from it (neighbours go together, as in words); -1 if none
	 */
	private int rarest(int except) {
		int best = -1;
		for (int i = 0; i < bytes.length; i++) {
			if (i == except || mask[i] == 0) {
				continue;
			}
			if (best < 0 || commonness(i) < commonness(best)
					|| except >= 0 && commonness(i) == commonness(best) && Math.abs(i - except) > Math.abs(best - except)) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * How often a byte tends to occur in process memory: zeros most, then all ones, small numbers,
	 * the high bytes of user-space pointers (0x55, 0x56, 0x7F) and frequent letters. A guess, not a
	 * count: it only has to keep the scan off bytes that are everywhere.
	 */
	private int commonness(int index) {
		if (mask[index] != (byte) 0xFF) {
			return 1000;
		}
		int b = bytes[index] & 0xFF;
		if (b == 0) {
			return 100;
		}
		if (b == 0xFF) {
			return 60;
		}
		if (b < 0x10) {
			return 50 - b;
		}
		if (b == 0x7F || b == 0x55 || b == 0x56 || b == ' ' || "etaoinsr".indexOf(b) >= 0) {
			return 30;
		}
		if (b >= 'a' && b <= 'z' || b >= '0' && b <= '9') {
			return 20;
		}
		return b < 0x7F ? 10 : 5;
	}
}
