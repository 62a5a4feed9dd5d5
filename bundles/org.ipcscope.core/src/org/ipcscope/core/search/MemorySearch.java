package org.ipcscope.core.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.memory.SourceGoneException;

/**
 * Finds a {@link BytePattern} in a {@link MemorySource}, streaming it in chunks that overlap by
 * the pattern's length, so that any region size is searched in constant memory. A match never
 * covers an unreadable byte. The one search engine of the hex editor, the process view and the
 * command line. Two chunk buffers are reused for every read, direct so that a process's memory is
 * read straight into them, one read ahead on a second thread ({@link ChunkReader}) while the
 * other is scanned eight bytes at a time ({@link PatternScanner}).
 */
public final class MemorySearch {

	static final int DEFAULT_CHUNK = 1 << 20;

	private final MemorySource source;
	private final BytePattern pattern;
	private final int chunk;
	private final PatternScanner scanner;
	private final AtomicReference<ByteBuffer[]> spare = new AtomicReference<>();

	public MemorySearch(MemorySource source, BytePattern pattern) {
		this(source, pattern, DEFAULT_CHUNK);
	}

	MemorySearch(MemorySource source, BytePattern pattern, int chunk) {
		this.source = source;
		this.pattern = pattern;
		this.chunk = Math.max(chunk, pattern.length());
		this.scanner = new PatternScanner(pattern);
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
	 * @throws GoneDuringSearchException when the source went away; the matches reported before stay valid
	 */
	public boolean all(long start, long end, ScanMonitor monitor, LongPredicate hit) throws IOException {
		int length = pattern.length();
		ByteBuffer[] buffers = takeBuffers(start, end);
		try (ChunkReader chunks = new ChunkReader(source, start, end, length - 1, buffers)) {
			monitor.checkCanceled();
			for (ChunkReader.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
				ByteBuffer bytes = chunk.bytes();
				int last = bytes.limit() - length;
				for (int i = scanner.next(bytes, 0, last); i >= 0; i = scanner.next(bytes, i + 1, last)) {
					if (readable(chunk.unreadable(), i, length) && !hit.test(chunk.offset() + i)) {
						return false;
					}
				}
				monitor.scanned(last + 1);
				monitor.checkCanceled();
			}
			return true;
		} finally {
			spare.set(buffers);
		}
	}

	/** @return the last match starting in [start, before) and ending by {@code end} */
	public OptionalLong backward(long before, long start, long end, ScanMonitor monitor) throws IOException {
		int length = pattern.length();
		long limit = Math.min(before + length - 1, end);
		ByteBuffer[] buffers = takeBuffers(start, end);
		ByteBuffer buffer = buffers[0];
		try {
			for (long to = limit; to - Math.max(0, start) >= length;) {
				monitor.checkCanceled();
				long from = Math.max(Math.max(0, start), to - chunk - length + 1);
				int count = (int) (to - from);
				BitSet unreadable = read(from, buffer.clear().limit(count));
				// the fast scan runs forward: the chunk's last match is the one wanted
				long found = -1;
				int last = (int) Math.min(count - length, before - 1 - from);
				for (int i = scanner.next(buffer, 0, last); i >= 0; i = scanner.next(buffer, i + 1, last)) {
					if (readable(unreadable, i, length)) {
						found = from + i;
					}
				}
				if (found >= 0) {
					return OptionalLong.of(found);
				}
				to = from + length - 1;
				monitor.scanned(count - length + 1);
				if (from == Math.max(0, start)) {
					break;
				}
			}
			return OptionalLong.empty();
		} finally {
			spare.set(buffers);
		}
	}

	/**
	 * @return two chunk buffers (one is read ahead) big enough for [start, end), reused by the
	 *         searches of this instance; a concurrent search gets its own
	 */
	private ByteBuffer[] takeBuffers(long start, long end) {
		int needed = (int) Math.min(chunk + pattern.length() - 1L, Math.max(pattern.length(), end - Math.max(0, start)));
		ByteBuffer[] buffers = spare.getAndSet(null);
		if (buffers == null || buffers[0].capacity() < needed) {
			buffers = new ByteBuffer[2];
			for (int i = 0; i < buffers.length; i++) {
				buffers[i] = ByteBuffer.allocateDirect(needed).order(ByteOrder.LITTLE_ENDIAN);
			}
		}
		return buffers;
	}

	private BitSet read(long at, ByteBuffer into) throws IOException {
		try {
			return source.read(at, into);
		} catch (SourceGoneException e) {
			throw new GoneDuringSearchException(e.getMessage(), at);
		}
	}

	private static boolean readable(BitSet unreadable, int from, int length) {
		int next = unreadable.nextSetBit(from);
		return next < 0 || next >= from + length;
	}
}
