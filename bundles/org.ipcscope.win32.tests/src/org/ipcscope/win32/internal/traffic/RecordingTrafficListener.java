package org.ipcscope.win32.internal.traffic;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficRecord;

/** Keeps everything a capture tells; waits on conditions with deadlines. */
final class RecordingTrafficListener implements TrafficListener {

	private final List<TrafficRecord> records = new ArrayList<>();
	final Map<Long, String> attached = new ConcurrentHashMap<>();
	final Map<Long, String> detached = new ConcurrentHashMap<>();
	final Map<Long, String> refused = new ConcurrentHashMap<>();
	volatile long dropped;
	volatile String ended;

	@Override
	public synchronized void captured(TrafficRecord record) {
		records.add(record);
	}

	@Override
	public void dropped(long totalDropped) {
		dropped = totalDropped;
	}

	@Override
	public void attached(long pid, String change) {
		attached.put(pid, change);
	}

	@Override
	public void detached(long pid, String reason) {
		detached.put(pid, reason);
	}

	@Override
	public void refused(long pid, String reason) {
		refused.put(pid, reason);
	}

	@Override
	public void ended(String reason) {
		ended = reason;
	}

	synchronized List<TrafficRecord> records() {
		return List.copyOf(records);
	}

	List<TrafficRecord> records(Predicate<TrafficRecord> filter) {
		return records().stream().filter(filter).toList();
	}

	/** Waits until {@code count} records match; fails with what was captured after the deadline. */
	List<TrafficRecord> await(Predicate<TrafficRecord> filter, int count, String what) throws InterruptedException {
		waitFor(() -> records(filter).size() >= count, what + ": " + count + " wanted, got " + records(filter).size());
		return records(filter);
	}

	static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("timed out: " + what);
			}
			Thread.sleep(10);
		}
	}
}
