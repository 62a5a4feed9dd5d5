package org.ipcscope.core.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.SourceGoneException;

/**
 * Reads [start, end) of a source in chunks that overlap by {@code overlap} bytes, so that a match
 * across a chunk border is whole in the next chunk. While the caller scans one chunk, the next is
 * read on a second thread into the other of two buffers: reading another process's memory is a
 * copy in the kernel, and scanning is a pass in Java, and on two cores they overlap. If that thread
 * has not started the read by the time the caller wants the chunk, the caller reads it itself. One
 * chunk more than the caller uses may be read.
 */
final class ChunkReader implements AutoCloseable {

	private static final ExecutorService READ_AHEAD = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "IPC Scope search read-ahead");
		thread.setDaemon(true);
		return thread;
	});

	/** One chunk: {@code bytes} from position 0 to its limit, valid until the next {@link #next()}. */
	record Chunk(long offset, ByteBuffer bytes, BitSet unreadable) {
	}

	private final MemorySource source;
	private final long end;
	private final int overlap;
	private final ByteBuffer[] buffers;
	private final boolean readAhead;
	private int turn;
	private long position;
	private FutureTask<Chunk> ahead;

	/** @param buffers two buffers of the same capacity, chunk plus overlap; read-ahead needs both */
	ChunkReader(MemorySource source, long start, long end, int overlap, ByteBuffer[] buffers) {
		this(source, start, end, overlap, buffers, true);
	}

	/**
	 * @param readAhead false where other workers already keep every core busy: the caller then
	 *                  reads each chunk itself, into one buffer
	 */
	ChunkReader(MemorySource source, long start, long end, int overlap, ByteBuffer[] buffers, boolean readAhead) {
		this.readAhead = readAhead;
		this.source = source;
		this.position = Math.max(0, start);
		this.end = end;
		this.overlap = overlap;
		this.buffers = buffers;
	}

	/**
	 * @return the next chunk, or null after the last
	 * @throws GoneDuringSearchException if the source went away, with the offset of the chunk
	 */
	Chunk next() throws IOException {
		Chunk current;
		if (ahead != null) {
			current = await(ahead);
			ahead = null;
		} else if (end - position > overlap) {
			current = read(position, buffers[turn]);
		} else {
			return null;
		}
		position = current.offset() + current.bytes().limit() - overlap;
		if (!readAhead) {
			return current;
		}
		turn ^= 1;
		if (end - position > overlap) {
			long offset = position;
			ByteBuffer buffer = buffers[turn];
			FutureTask<Chunk> read = new FutureTask<>(() -> read(offset, buffer));
			READ_AHEAD.execute(read);
			ahead = read;
		}
		return current;
	}

	private Chunk read(long offset, ByteBuffer buffer) throws IOException {
		int count = (int) Math.min(buffer.capacity(), end - offset);
		buffer.clear().limit(count);
		try {
			return new Chunk(offset, buffer, source.read(offset, buffer));
		} catch (SourceGoneException e) {
			throw new GoneDuringSearchException(e.getMessage(), offset);
		}
	}

	private static Chunk await(FutureTask<Chunk> read) throws IOException {
		// not started yet (a busy machine has not scheduled the reading thread): read here, not wait
		read.run();
		try {
			return read.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("search interrupted");
		} catch (ExecutionException e) {
			throw thrownBy(e);
		}
	}

	/** @return the IOException a task threw on another thread; a RuntimeException or Error is thrown as it was */
	static IOException thrownBy(ExecutionException e) {
		if (e.getCause() instanceof IOException io) {
			return io;
		}
		if (e.getCause() instanceof RuntimeException runtime) {
			throw runtime;
		}
		throw (Error) e.getCause();
	}

	/** Waits for a read still running, so that its buffer may be used again. */
	@Override
	public void close() {
		boolean interrupted = false;
		if (ahead != null) {
			ahead.run(); // not started: done here rather than waiting for the thread
		}
		while (ahead != null) {
			try {
				ahead.get();
				ahead = null;
			} catch (InterruptedException e) {
				interrupted = true;
			} catch (ExecutionException e) {
				ahead = null;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
