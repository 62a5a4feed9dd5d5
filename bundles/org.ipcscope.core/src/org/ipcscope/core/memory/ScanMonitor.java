package org.ipcscope.core.memory;

import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;

/**
 * Lets a long scan over a region (search, compare, snapshot) report progress and be cancelled.
 * Cancellation ends the scan with a {@link CancellationException}, so that "cancelled" is never
 * mistaken for "not found".
 */
public interface ScanMonitor {

	/** For callers that neither cancel nor watch progress. */
	ScanMonitor NONE = () -> false;

	boolean isCanceled();

	/** A monitor that never cancels and tells {@code progress} the bytes scanned so far after each chunk. */
	static ScanMonitor progress(LongConsumer progress) {
		return new ScanMonitor() {
			private long total;

			@Override
			public boolean isCanceled() {
				return false;
			}

			@Override
			public void scanned(long bytes) {
				total += bytes;
				progress.accept(total);
			}
		};
	}

	/** Called after each chunk with the bytes scanned since the previous call. */
	default void scanned(long bytes) {
	}

	/** @throws CancellationException if the scan was cancelled */
	default void checkCanceled() {
		if (isCanceled()) {
			throw new CancellationException();
		}
	}
}
