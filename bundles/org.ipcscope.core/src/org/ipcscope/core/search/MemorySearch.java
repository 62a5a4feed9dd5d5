package org.ipcscope.core.search;

import java.io.IOException;
import java.util.BitSet;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;

/**
 * Finds a {@link BytePattern} in a {@link MemorySource}, streaming it in chunks that overlap by
 * the pattern's length, so that any region size is searched in constant memory. A match never
 * covers an unreadable byte. The one search engine of the hex editor, the process view and the
 * command line.
 */
public final class MemorySearch {

	static final int DEFAULT_CHUNK = 1 << 20;

	private final MemorySource source;
	private final BytePattern pattern;
	private final int chunk;

	public MemorySearch(MemorySource source, BytePattern pattern) {
		this(source, pattern, DEFAULT_CHUNK);
	}

	MemorySearch(MemorySource source, BytePattern pattern, int chunk) {
		this.source = source;
		this.pattern = pattern;
		this.chunk = Math.max(chunk, pattern.length());
	}

	/** @return the first match starting in [from, end) and ending by {@code end} */
	public OptionalLong forward(long from, long end, ScanMonitor monitor) throws IOException {
		long[] found = { -1 };
		all(from, end, monitor, offset -> {
			found[0] = offset;
			return false;
		});
		return found[0] < 0 ? OptionalLong.empty() : OptionalLong.of(found[0]);
	}

	/**
	 * Reports every match in [start, end) in ascending order until {@code hit} returns false.
	 *
	 * @return whether the whole range was searched (false if {@code hit} stopped it)
	 */
	public boolean all(long start, long end, ScanMonitor monitor, LongPredicate hit) throws IOException {
		int length = pattern.length();
		for (long at = Math.max(0, start); end - at >= length;) {
			monitor.checkCanceled();
			int count = (int) Math.min((long) chunk + length - 1, end - at);
			MemoryRead read = source.read(at, count);
			int last = count - length;
			for (int i = nextCandidate(read.bytes(), 0, last); i >= 0; i = nextCandidate(read.bytes(), i + 1, last)) {
				if (pattern.matchesAt(read.bytes(), i) && readable(read.unreadable(), i, length) && !hit.test(at + i)) {
					return false;
				}
			}
			long advanced = Math.max(1, count - length + 1);
			at += advanced;
			monitor.scanned(advanced);
		}
		return true;
	}

	/** @return the last match starting in [start, before) and ending by {@code end} */
	public OptionalLong backward(long before, long start, long end, ScanMonitor monitor) throws IOException {
		int length = pattern.length();
		long limit = Math.min(before + length - 1, end);
		for (long to = limit; to - Math.max(0, start) >= length;) {
			monitor.checkCanceled();
			long from = Math.max(Math.max(0, start), to - chunk - length + 1);
			int count = (int) (to - from);
			MemoryRead read = source.read(from, count);
			for (int i = count - length; i >= 0; i--) {
				if (from + i < before && pattern.matchesAt(read.bytes(), i) && readable(read.unreadable(), i, length)) {
					return OptionalLong.of(from + i);
				}
			}
			to = from + length - 1;
			monitor.scanned(count - length + 1);
			if (from == Math.max(0, start)) {
				break;
			}
		}
		return OptionalLong.empty();
	}

	private int nextCandidate(byte[] data, int from, int last) {
		int anchor = pattern.anchor();
		if (anchor < 0) {
			return from <= last ? from : -1;
		}
		byte wanted = pattern.bytes()[anchor];
		for (int i = from + anchor; i <= last + anchor; i++) {
			if (data[i] == wanted) {
				return i - anchor;
			}
		}
		return -1;
	}

	private static boolean readable(BitSet unreadable, int from, int length) {
		int next = unreadable.nextSetBit(from);
		return next < 0 || next >= from + length;
	}
}
