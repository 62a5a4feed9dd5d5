package org.ipcscope.core.memory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Compares two sources over the same offsets, in chunks, so that memory does not depend on the
 * size compared: the baseline of "changes since" against the live object, or two snapshots. A
 * byte readable on one side only counts as a difference; unreadable on both, as equal.
 */
public final class MemoryDiff {

	/** The differences found, and whether the list stopped at its limit before the end. */
	public record Result(List<DiffRange> ranges, boolean truncated) {
	}

	private final MemorySource before;
	private final MemorySource after;
	private final int chunk;

	public MemoryDiff(MemorySource before, MemorySource after) {
		this(before, after, MemorySnapshot.CHUNK);
	}

	MemoryDiff(MemorySource before, MemorySource after, int chunk) {
		this.before = before;
		this.after = after;
		this.chunk = chunk;
	}

	/** @return the first differing offset in [from, end), or empty */
	public OptionalLong next(long from, long end, ScanMonitor monitor) throws IOException {
		return forward(from, end, true, monitor);
	}

	/** @return the first offset in [from, end) where both sides are the same: the end of a run of changes */
	public OptionalLong nextSame(long from, long end, ScanMonitor monitor) throws IOException {
		return forward(from, end, false, monitor);
	}

	/** @return the last differing offset in [start, before), or empty */
	public OptionalLong previous(long before, long start, ScanMonitor monitor) throws IOException {
		return backward(before, start, true, monitor);
	}

	/** @return the last offset in [start, before) where both sides are the same: just before a run of changes */
	public OptionalLong previousSame(long before, long start, ScanMonitor monitor) throws IOException {
		return backward(before, start, false, monitor);
	}

	private OptionalLong forward(long from, long end, boolean differing, ScanMonitor monitor) throws IOException {
		for (long at = Math.max(0, from); at < end;) {
			monitor.checkCanceled();
			int length = (int) Math.min(chunk, end - at);
			MemoryRead a = before.read(at, length);
			MemoryRead b = after.read(at, length);
			int index = differing ? firstDifference(a, b, 0, length) : firstSame(a, b, length);
			if (index >= 0) {
				return OptionalLong.of(at + index);
			}
			at += length;
			monitor.scanned(length);
		}
		return OptionalLong.empty();
	}

	private static int firstSame(MemoryRead a, MemoryRead b, int length) {
		for (int i = 0; i < length; i++) {
			if (!differs(a, b, i)) {
				return i;
			}
		}
		return -1;
	}

	private OptionalLong backward(long beforeOffset, long start, boolean differing, ScanMonitor monitor)
			throws IOException {
		for (long to = beforeOffset; to > Math.max(0, start);) {
			monitor.checkCanceled();
			int length = (int) Math.min(chunk, to - Math.max(0, start));
			long at = to - length;
			MemoryRead a = before.read(at, length);
			MemoryRead b = after.read(at, length);
			for (int i = length - 1; i >= 0; i--) {
				if (differs(a, b, i) == differing) {
					return OptionalLong.of(at + i);
				}
			}
			to = at;
			monitor.scanned(length);
		}
		return OptionalLong.empty();
	}

	/** @return the run of differences around a differing offset, within [start, end) */
	public DiffRange runAt(long offset, long start, long end, ScanMonitor monitor) throws IOException {
		long first = previousSame(offset, start, monitor).orElse(start - 1) + 1;
		long last = nextSame(offset, end, monitor).orElse(end);
		return new DiffRange(first, last - first);
	}

	/**
	 * Lists the differing runs in [start, end), adjacent runs merged, at most {@code limit} of
	 * them.
	 */
	public Result ranges(long start, long end, int limit, ScanMonitor monitor) throws IOException {
		List<DiffRange> ranges = new ArrayList<>();
		long runStart = -1;
		for (long at = start; at < end;) {
			monitor.checkCanceled();
			int length = (int) Math.min(chunk, end - at);
			MemoryRead a = before.read(at, length);
			MemoryRead b = after.read(at, length);
			for (int i = 0; i < length; i++) {
				boolean differs = differs(a, b, i);
				if (differs && runStart < 0) {
					runStart = at + i;
				} else if (!differs && runStart >= 0) {
					ranges.add(new DiffRange(runStart, at + i - runStart));
					runStart = -1;
					if (ranges.size() == limit) {
						return new Result(ranges, true);
					}
				}
			}
			at += length;
			monitor.scanned(length);
		}
		if (runStart >= 0) {
			ranges.add(new DiffRange(runStart, end - runStart));
		}
		return new Result(ranges, false);
	}

	/** @return the first index in [from, to) where the two reads differ, or -1 */
	public static int firstDifference(MemoryRead a, MemoryRead b, int from, int to) {
		int mismatch = Arrays.mismatch(a.bytes(), from, to, b.bytes(), from, to);
		int unreadable = firstUnreadableDifference(a, b, from, to);
		if (mismatch < 0) {
			return unreadable;
		}
		// a byte mismatch where both sides are unreadable (both 0 by contract) cannot happen; but a
		// mismatch hidden by unreadability on both sides must not count
		for (int i = from + mismatch; i < to; i++) {
			if (differs(a, b, i)) {
				return unreadable < 0 ? i : Math.min(i, unreadable);
			}
		}
		return unreadable;
	}

	private static int firstUnreadableDifference(MemoryRead a, MemoryRead b, int from, int to) {
		BitSet x = (BitSet) a.unreadable().clone();
		x.xor(b.unreadable());
		int index = x.nextSetBit(from);
		return index >= 0 && index < to ? index : -1;
	}

	/** @return whether byte {@code i} differs between the two reads */
	public static boolean differs(MemoryRead a, MemoryRead b, int i) {
		boolean readableA = a.isReadable(i);
		boolean readableB = b.isReadable(i);
		if (readableA != readableB) {
			return true;
		}
		return readableA && a.bytes()[i] != b.bytes()[i];
	}
}
