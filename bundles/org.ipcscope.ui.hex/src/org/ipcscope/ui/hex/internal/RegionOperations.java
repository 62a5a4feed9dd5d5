package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.ipcscope.core.memory.DiffRange;
import org.ipcscope.core.memory.MemoryDiff;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySnapshot;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.ui.hex.internal.find.Difference;

/**
 * What the hex editor does with its whole region, without a display: finding a pattern, taking
 * the baseline, finding the next change since it, comparing with it, reading a selection to copy
 * and saving to a file. Each runs in the caller's job on the region's source (which stays open
 * meanwhile), reports progress to the job's monitor and stops when it is cancelled.
 */
final class RegionOperations {

	/** Largest selection copied to the clipboard. */
	static final int COPY_LIMIT = 16 * 1024 * 1024;
	/** Differences listed by a comparison at most. */
	static final int DIFFERENCE_LIMIT = 10_000;
	private static final int SAVE_CHUNK = 1 << 20;

	private final LiveRegion region;

	RegionOperations(LiveRegion region) {
		this.region = region;
	}

	/**
	 * Finds the pattern after {@code at} (or before it), wrapping around once.
	 *
	 * @return where it starts, or empty
	 */
	OptionalLong find(BytePattern pattern, long at, boolean forward, IProgressMonitor monitor) throws IOException {
		return region.read(source -> {
			MemorySearch search = new MemorySearch(source, pattern);
			long size = source.size();
			ScanMonitor scan = scanMonitor(monitor, size);
			OptionalLong found = forward ? search.forward(at + 1, size, scan) : search.backward(at, 0, size, scan);
			if (found.isEmpty()) {
				found = forward ? search.forward(0, Math.min(size, at + pattern.length()), scan)
						: search.backward(size, at, size, scan);
			}
			return found;
		});
	}

	/** Snapshots the whole region and makes it the baseline of "changes since". */
	MemorySnapshot takeBaseline(IProgressMonitor monitor) throws IOException {
		return region.read(source -> {
			MemorySnapshot snapshot = MemorySnapshot.take(source, null, scanMonitor(monitor, source.size()));
			region.setBaseline(snapshot);
			return snapshot;
		});
	}

	/**
	 * @param from           where a forward search starts
	 * @param selectionStart where a backward search starts
	 * @return the next (or previous) run of bytes that differ from the baseline, or null
	 */
	DiffRange change(MemorySnapshot baseline, long from, long selectionStart, boolean forward, IProgressMonitor monitor)
			throws IOException {
		return region.read(source -> {
			MemoryDiff diff = new MemoryDiff(baseline, source);
			long size = source.size();
			ScanMonitor scan = scanMonitor(monitor, size);
			OptionalLong at = forward ? diff.next(from, size, scan) : diff.previous(selectionStart, 0, scan);
			return at.isEmpty() ? null : diff.runAt(at.getAsLong(), 0, size, scan);
		});
	}

	/** Snapshots the region now and lists how it differs from the baseline. */
	Difference.Listing compare(MemorySnapshot baseline, IProgressMonitor monitor) throws IOException {
		return region.read(source -> {
			SubMonitor progress = SubMonitor.convert(monitor, 2);
			try (MemorySnapshot now = MemorySnapshot.take(source, null, scanMonitor(progress.split(1), source.size()))) {
				long end = Math.max(baseline.size(), now.size());
				MemoryDiff.Result result = new MemoryDiff(baseline, now).ranges(0, end, DIFFERENCE_LIMIT,
						scanMonitor(progress.split(1), end));
				return Difference.describe(result, baseline, now);
			}
		});
	}

	/** Reads bytes to copy, at most {@link #COPY_LIMIT} of them. */
	MemoryRead readForCopy(long start, long length) throws IOException {
		int limited = (int) Math.min(length, COPY_LIMIT);
		return region.read(source -> source.read(start, limited));
	}

	/**
	 * Writes bytes of the region to a file, in chunks; unreadable bytes as 0.
	 *
	 * @return the bytes written
	 */
	long save(Path file, long start, long length, IProgressMonitor monitor) throws IOException {
		return region.read(source -> {
			ScanMonitor scan = scanMonitor(monitor, length);
			try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				for (long done = 0; done < length;) {
					scan.checkCanceled();
					int chunk = (int) Math.min(SAVE_CHUNK, length - done);
					MemoryRead read = source.read(start + done, chunk);
					ByteBuffer buffer = ByteBuffer.wrap(read.bytes());
					while (buffer.hasRemaining()) {
						out.write(buffer);
					}
					done += chunk;
					scan.scanned(chunk);
				}
			}
			return length;
		});
	}

	/** Scanned bytes as a job's progress, in MiB; the job's cancel as the scan's. */
	static ScanMonitor scanMonitor(IProgressMonitor monitor, long total) {
		SubMonitor progress = SubMonitor.convert(monitor, (int) Math.min(Integer.MAX_VALUE, Math.max(1, total >> 20)));
		return new ScanMonitor() {
			private long pending;

			@Override
			public boolean isCanceled() {
				return monitor.isCanceled();
			}

			@Override
			public void scanned(long bytes) {
				pending += bytes;
				if (pending >= 1 << 20) {
					progress.worked((int) (pending >> 20));
					pending &= (1 << 20) - 1;
				}
			}
		};
	}
}
