package org.ipcscope.core.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds where a {@link BytePattern} matches in a buffer, eight bytes at a time: two exact bytes
 * of the pattern, the rarest in memory as it usually is, are compared with a whole word at once
 * (SWAR: a zero-byte test on {@code word ^ anchor}), and only where both agree are the other bytes
 * compared. So wildcards cost nothing more than exact bytes; a pattern of half bytes and wildcards
 * only is compared byte by byte.
 */
final class PatternScanner {

	private static final long ONES = 0x0101010101010101L;
	private static final long HIGHS = 0x8080808080808080L;
	private static final int BLOCK = 64;

	private final byte[] bytes;
	private final byte[] mask;
	private final int first;
	private final int second;
	private final long firstValue;
	private final long secondValue;

	PatternScanner(BytePattern pattern) {
		bytes = pattern.bytes();
		mask = pattern.mask();
		first = rarest(-1);
		int other = rarest(first);
		second = other < 0 ? first : other;
		firstValue = first < 0 ? 0 : (bytes[first] & 0xFFL) * ONES;
		secondValue = second < 0 ? 0 : (bytes[second] & 0xFFL) * ONES;
	}

	/**
	 * @param data little-endian; its limit bounds every read
	 * @return the first {@code at} in [from, last] where the whole pattern matches, or -1
	 */
	int next(ByteBuffer data, int from, int last) {
		assert data.order() == ByteOrder.LITTLE_ENDIAN;
		int at = from;
		if (first >= 0) {
			int reach = Math.max(first, second);
			int blocks = Math.min(last, data.limit() - BLOCK - reach);
			for (at = skipBlocks(data, at, blocks, first, second, firstValue, secondValue); at <= blocks;
					at = skipBlocks(data, at + BLOCK, blocks, first, second, firstValue, secondValue)) {
				int found = inWords(data, at, at + BLOCK, last);
				if (found >= 0) {
					return found;
				}
			}
			int found = inWords(data, at, Math.min(last + 1, data.limit() - Long.BYTES - reach + 1), last);
			if (found >= 0) {
				return found;
			}
			at = Math.max(at, data.limit() - Long.BYTES - reach + 1);
		}
		for (; at <= last; at++) {
			if (matchesAt(data, at)) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * The hot loop: 64 bytes at a stretch with one branch, everything in locals, as the JIT makes
	 * fastest.
	 *
	 * @return the first block from {@code at} where both anchors may be, or the first after {@code blocks}
	 */
	private static int skipBlocks(ByteBuffer data, int at, int blocks, int first, int second, long firstValue,
			long secondValue) {
		for (; at <= blocks; at += BLOCK) {
			long any = 0;
			for (int word = 0; word < BLOCK; word += Long.BYTES) {
				long x = data.getLong(at + word + first) ^ firstValue;
				long y = data.getLong(at + word + second) ^ secondValue;
				any |= (x - ONES) & ~x & (y - ONES) & ~y;
			}
			if ((any & HIGHS) != 0) {
				return at;
			}
		}
		return at;
	}

	/** @return the first match in [from, to) (whole words from {@code from}) up to {@code last}, or -1 */
	private int inWords(ByteBuffer data, int from, int to, int last) {
		for (int at = from; at < to; at += Long.BYTES) {
			for (long hits = anchors(data, at) & HIGHS; hits != 0; hits &= hits - 1) {
				int candidate = at + (Long.numberOfTrailingZeros(hits) >>> 3);
				if (candidate <= last && matchesAt(data, candidate)) {
					return candidate;
				}
			}
		}
		return -1;
	}

	/**
	 * @return the high bit of every byte of the word at {@code at} where both anchors are (a zero
	 *         after XOR), and maybe of some bytes above such one; the other bits are noise
	 */
	private long anchors(ByteBuffer data, int at) {
		long x = data.getLong(at + first) ^ firstValue;
		long y = data.getLong(at + second) ^ secondValue;
		return (x - ONES) & ~x & (y - ONES) & ~y;
	}

	boolean matchesAt(ByteBuffer data, int at) {
		for (int i = 0; i < bytes.length; i++) {
			if ((data.get(at + i) & mask[i]) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return the index of the exact byte least likely to occur in memory, other than {@code except},
	 *         of equally likely ones the farthest from it (neighbours go together, as in words); -1 if none
	 */
	private int rarest(int except) {
		int best = -1;
		for (int i = 0; i < bytes.length; i++) {
			if (i == except || mask[i] != (byte) 0xFF) {
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
