package org.ipcscope.core.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.memory.SourceGoneException;

/**
 * Finds a {@link BytePattern} in a {@link MemorySource}, streaming it in chunks that overlap by
 * the pattern's length, so that any region size is searched in constant memory. A match never
 * covers an unreadable byte. The one search engine of the hex editor, the process view and the
 * command line. Chunk buffers are reused for every read, direct so that a process's memory is
 * read straight into them; a short range is read one chunk ahead on a second thread
 * ({@link ChunkReader}) while the other is scanned eight bytes at a time ({@link PatternScanner}),
 * a long one is split between one worker per processor ({@link #all}).
 */
public final class MemorySearch {

	static final int DEFAULT_CHUNK = 1 << 20;
	/** A range shorter than this many chunks per worker is not worth splitting. */
	static final int MIN_PART_CHUNKS = 4;
	/** Matches a worker holds for the caller before it stops and leaves the rest of its part to the caller. */
	static final int HELD_MATCHES = 1 << 16;
	private static final long PROGRESS_MILLIS = 50;

	private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "IPC Scope search worker");
		thread.setDaemon(true);
		return thread;
	});

	private final MemorySource source;
	private final BytePattern pattern;
	private final int chunk;
	private final PatternScanner scanner;
	private final int parts;
	private final Queue<ByteBuffer[]> spare = new ConcurrentLinkedQueue<>();

	public MemorySearch(MemorySource source, BytePattern pattern) {
		this(source, pattern, DEFAULT_CHUNK);
	}

	MemorySearch(MemorySource source, BytePattern pattern, int chunk) {
		this(source, pattern, chunk, Runtime.getRuntime().availableProcessors());
	}

	/** @param parts how many workers may split a long range, at most */
	MemorySearch(MemorySource source, BytePattern pattern, int chunk, int parts) {
		this.parts = parts;
		this.source = source;
		this.pattern = pattern;
		this.chunk = Math.max(chunk, pattern.length());
		this.scanner = new PatternScanner(pattern);
	}

	/** @return the first match starting in [from, end) and ending by {@code end} */
	public OptionalLong forward(long from, long end, ScanMonitor monitor) throws IOException {
		long[] found = { -1 };
		// the first match is wanted: one worker, reading ahead, that stops there
		scan(Math.max(0, from), end, monitor, offset -> {
			found[0] = offset;
			return false;
		}, true);
		return found[0] < 0 ? OptionalLong.empty() : OptionalLong.of(found[0]);
	}

	/**
	 * Reports every match in [start, end) in ascending order until {@code hit} returns false, on the
	 * caller's thread. A long range of a source that {@linkplain MemorySource#readsConcurrently()
	 * reads concurrently} is split into one contiguous part per processor, each read and scanned by
	 * its own worker: one core alone cannot both copy another process's memory and scan it as fast
	 * as the two can. The caller scans the first part and reports its matches as it goes; the other
	 * workers hold theirs (up to {@link #HELD_MATCHES}, then the caller goes on with that part
	 * itself) until the parts before are reported.
	 *
	 * @return whether the whole range was searched (false if {@code hit} stopped it)
	 * @throws GoneDuringSearchException when the source went away; the matches reported before stay
	 *                                   valid, and they are all those before its address
	 */
	public boolean all(long start, long end, ScanMonitor monitor, LongPredicate hit) throws IOException {
		long from = Math.max(0, start);
		int workers = source.readsConcurrently() ? (int) Math.min(parts, (end - from) / ((long) MIN_PART_CHUNKS * chunk))
				: 1;
		return workers < 2 ? scan(from, end, monitor, hit, true) : split(from, end, workers, monitor, hit);
	}

	private boolean split(long from, long end, int workers, ScanMonitor monitor, LongPredicate hit) throws IOException {
		int overlap = pattern.length() - 1;
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong workersScanned = new AtomicLong();
		ScanMonitor worker = new ScanMonitor() {
			@Override
			public boolean isCanceled() {
				return stop.get();
			}

			@Override
			public void scanned(long bytes) {
				workersScanned.addAndGet(bytes);
			}
		};
		// progress and cancellation reach the caller's monitor on the caller's thread only
		ScanMonitor caller = new ScanMonitor() {
			@Override
			public boolean isCanceled() {
				return monitor.isCanceled();
			}

			@Override
			public void scanned(long bytes) {
				long all = bytes + workersScanned.getAndSet(0);
				if (all > 0) {
					monitor.scanned(all);
				}
			}
		};
		long[] bounds = new long[workers + 1];
		for (int k = 0; k < workers; k++) {
			bounds[k] = from + (end - from) / workers * k;
		}
		bounds[workers] = end;
		List<Future<HeldMatches>> held = new ArrayList<>();
		try {
			for (int k = 1; k < workers; k++) {
				// each part reaches into the next by the overlap: a match starting in it ends there
				long partStart = bounds[k];
				long partEnd = Math.min(end, bounds[k + 1] + overlap);
				held.add(WORKERS.submit(() -> {
					HeldMatches matches = new HeldMatches();
					scan(partStart, partEnd, worker, matches, false);
					return matches;
				}));
			}
			if (!scan(from, Math.min(end, bounds[1] + overlap), caller, hit, false)) {
				return false;
			}
			for (int k = 1; k < workers; k++) {
				HeldMatches part = await(held.get(k - 1), caller);
				for (int i = 0; i < part.count; i++) {
					if (!hit.test(part.matches[i])) {
						return false;
					}
				}
				if (part.resume >= 0 && !scan(part.resume, Math.min(end, bounds[k + 1] + overlap), caller, hit, false)) {
					return false;
				}
			}
			caller.scanned(0);
			return true;
		} finally {
			stop.set(true);
		}
	}

	/** Scans [from, end) on this thread, reading ahead on a second one if asked. */
	private boolean scan(long from, long end, ScanMonitor monitor, LongPredicate hit, boolean readAhead)
			throws IOException {
		int length = pattern.length();
		ByteBuffer[] buffers = takeBuffers(from, end);
		try (ChunkReader chunks = new ChunkReader(source, from, end, length - 1, buffers, readAhead)) {
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
			spare.offer(buffers);
		}
	}

	/** Waits for a worker's part, passing on its progress and the caller's cancellation meanwhile. */
	private static HeldMatches await(Future<HeldMatches> part, ScanMonitor caller) throws IOException {
		while (true) {
			caller.checkCanceled();
			caller.scanned(0);
			try {
				return part.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				// not done yet: progress and cancellation again
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("search interrupted");
			} catch (ExecutionException e) {
				throw ChunkReader.thrownBy(e);
			}
		}
	}

	/** A worker's matches in ascending order, and where it paused when it held too many. */
	private static final class HeldMatches implements LongPredicate {
		private long[] matches = new long[16];
		private int count;
		private long resume = -1;

		@Override
		public boolean test(long at) {
			if (count == matches.length) {
				matches = Arrays.copyOf(matches, count * 2);
			}
			matches[count++] = at;
			if (count < HELD_MATCHES) {
				return true;
			}
			resume = at + 1;
			return false;
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
			spare.offer(buffers);
		}
	}

	/**
	 * @return two chunk buffers (one is read ahead) big enough for [start, end), reused by the
	 *         searches and workers of this instance; a concurrent one gets its own
	 */
	private ByteBuffer[] takeBuffers(long start, long end) {
		int needed = (int) Math.min(chunk + pattern.length() - 1L, Math.max(pattern.length(), end - Math.max(0, start)));
		ByteBuffer[] buffers = spare.poll();
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
