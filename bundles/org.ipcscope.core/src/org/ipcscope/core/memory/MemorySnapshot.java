package org.ipcscope.core.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A copy of a range of a source, taken once, kept in a temporary file so that the heap does not
 * grow with the region: the baseline of "changes since" and one side of a comparison. Runs of
 * zero bytes are not written (the file stays sparse), so a mostly empty 2 GiB segment costs
 * little disk. Offsets are the source's: reading at {@link #start()} gives its first byte.
 * Closing deletes the file.
 */
public final class MemorySnapshot implements MemorySource {

	static final int CHUNK = 1 << 20;

	private final String name;
	private final Path file;
	private final FileChannel channel;
	private final long start;
	private final long length;
	private final Instant taken;
	/** Unreadable ranges as [from, to) pairs in source offsets, sorted, merged; few in practice. */
	private final long[] unreadable;

	private MemorySnapshot(String name, Path file, FileChannel channel, long start, long length, Instant taken,
			long[] unreadable) {
		this.name = name;
		this.file = file;
		this.channel = channel;
		this.start = start;
		this.length = length;
		this.taken = taken;
		this.unreadable = unreadable;
	}

	/** Copies the whole source. */
	public static MemorySnapshot take(MemorySource source, Path directory, ScanMonitor monitor) throws IOException {
		return take(source, 0, source.size(), directory, monitor);
	}

	/**
	 * Copies {@code length} bytes of the source from {@code start}, in chunks.
	 *
	 * @param directory where the temporary file goes, {@code null} for the system's
	 */
	public static MemorySnapshot take(MemorySource source, long start, long length, Path directory,
			ScanMonitor monitor) throws IOException {
		Instant taken = Instant.now();
		Path file = directory == null ? Files.createTempFile("ipcscope-snapshot", ".bin")
				: Files.createTempFile(directory, "ipcscope-snapshot", ".bin");
		file.toFile().deleteOnExit();
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
		try {
			List<Long> gaps = new ArrayList<>();
			for (long done = 0; done < length;) {
				monitor.checkCanceled();
				int chunk = (int) Math.min(CHUNK, length - done);
				MemoryRead read = source.read(start + done, chunk);
				if (!isZero(read.bytes())) {
					ByteBuffer buffer = ByteBuffer.wrap(read.bytes());
					while (buffer.hasRemaining()) {
						channel.write(buffer, done + buffer.position());
					}
				}
				addGaps(gaps, read.unreadable(), start + done, chunk);
				done += chunk;
				monitor.scanned(chunk);
			}
			if (length > 0 && channel.size() < length) {
				channel.write(ByteBuffer.allocate(1), length - 1);
			}
			long[] ranges = gaps.stream().mapToLong(Long::longValue).toArray();
			return new MemorySnapshot(source.name(), file, channel, start, length, taken, ranges);
		} catch (IOException | RuntimeException e) {
			channel.close();
			Files.deleteIfExists(file);
			throw e;
		}
	}

	private static boolean isZero(byte[] bytes) {
		for (byte b : bytes) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}

	/** Appends the chunk's unreadable runs, merging with the previous run where they touch. */
	private static void addGaps(List<Long> gaps, BitSet unreadable, long base, int length) {
		for (int i = unreadable.nextSetBit(0); i >= 0 && i < length; i = unreadable.nextSetBit(i)) {
			int end = unreadable.nextClearBit(i);
			long from = base + i;
			long to = base + Math.min(end, length);
			int last = gaps.size() - 1;
			if (last > 0 && gaps.get(last) == from) {
				gaps.set(last, to);
			} else {
				gaps.add(from);
				gaps.add(to);
			}
			i = end;
		}
	}

	@Override
	public String name() {
		return name + " (snapshot)";
	}

	public Instant taken() {
		return taken;
	}

	public long start() {
		return start;
	}

	public long length() {
		return length;
	}

	/** @return the end of the copied range: reads at or past it are unreadable */
	@Override
	public long size() {
		return start + length;
	}

	@Override
	public MemoryRead read(long offset, int count) throws IOException {
		byte[] bytes = new byte[count];
		BitSet unreadableBits = new BitSet(count);
		long from = Math.max(offset, start);
		long to = Math.min(offset + count, start + length);
		if (from > offset) {
			unreadableBits.set(0, (int) Math.min(count, from - offset));
		}
		if (to < offset + count) {
			unreadableBits.set((int) Math.max(0, to - offset), count);
		}
		if (from < to) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes, (int) (from - offset), (int) (to - from));
			while (buffer.hasRemaining()) {
				int read = channel.read(buffer, offset + buffer.position() - start);
				if (read < 0) {
					break; // sparse tail: zeros
				}
			}
			for (int i = 0; i < unreadable.length; i += 2) {
				long gapFrom = Math.max(unreadable[i], from);
				long gapTo = Math.min(unreadable[i + 1], to);
				if (gapFrom < gapTo) {
					unreadableBits.set((int) (gapFrom - offset), (int) (gapTo - offset));
				}
			}
		}
		return new MemoryRead(offset, bytes, unreadableBits);
	}

	@Override
	public void close() throws IOException {
		try {
			channel.close();
		} finally {
			Files.deleteIfExists(file);
		}
	}
}
