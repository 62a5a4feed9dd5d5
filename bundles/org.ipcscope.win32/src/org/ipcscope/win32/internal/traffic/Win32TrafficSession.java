package org.ipcscope.win32.internal.traffic;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;

/**
 * The captures of several processes read by one thread of the session's: it polls every ring,
 * numbers the records, tells the listener, and notices targets that end. {@link #close()} stops
 * every target and waits until each has been let go.
 */
final class Win32TrafficSession implements TrafficSession {

	private static final long EXIT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
	/**
	 * The longest pause between two polls. Each wake-up of this thread costs the targets too (under
	 * Wine it is a request to the wineserver that also carries their pipe I/O, on cores they
	 * share), so the thread sleeps long unless the rings fill fast.
	 */
	private static final long MAX_PAUSE_MS = 10;

	private final TrafficRequest request;
	private final TrafficListener listener;
	private final List<ProcessTap> taps;
	private final Runnable onEnd;
	private final AtomicLong captured = new AtomicLong();
	private final Thread thread;
	private volatile boolean stopRequested;
	private volatile boolean running = true;
	private volatile long dropped;
	private long sequence;

	Win32TrafficSession(TrafficRequest request, List<ProcessTap> taps, TrafficListener listener, Runnable onEnd) {
		this.request = request;
		this.listener = listener;
		this.taps = new CopyOnWriteArrayList<>(taps);
		this.onEnd = onEnd;
		this.thread = new Thread(this::run, "traffic capture " + request.pids());
		thread.setDaemon(true);
	}

	void begin() {
		thread.start();
	}

	private void run() {
		String reason = null;
		long nextCheck = System.nanoTime() + EXIT_CHECK_NANOS;
		try {
			long pause = MAX_PAUSE_MS;
			while (!stopRequested) {
				int read = 0;
				for (ProcessTap tap : taps) {
					read = Math.max(read, tap.poll(this::deliver));
				}
				reportDrops();
				if (System.nanoTime() - nextCheck > 0) {
					nextCheck = System.nanoTime() + EXIT_CHECK_NANOS;
					for (ProcessTap tap : taps) {
						if (tap.exited()) {
							tap.poll(this::deliver); // what it recorded before it ended
							tap.release();
							taps.remove(tap);
							listener.detached(tap.pid, "the process ended (exit code " + tap.exitCode() + ")");
						}
					}
					if (taps.isEmpty()) {
						reason = "Every captured process ended.";
						break;
					}
				}
				pause = pause(read, pause);
				if (pause > 0) {
					Thread.sleep(pause);
				}
			}
		} catch (InterruptedException e) {
			// close() below
		} catch (RuntimeException e) {
			reason = "The capture failed: " + e;
		} finally {
			for (ProcessTap tap : taps) {
				String how = tap.stop(this::deliver);
				listener.detached(tap.pid, how);
			}
			taps.clear();
			reportDrops();
			running = false;
			if (reason != null && !stopRequested) {
				listener.ended(reason);
			}
			onEnd.run();
		}
	}

	/**
	 * The next pause: as long as a quarter of a ring takes to fill at the rate the last poll saw,
	 * between 1 ms and {@link #MAX_PAUSE_MS}; none while polls find half a ring or more.
	 *
	 * @param read the most records one ring held at the last poll
	 */
	private long pause(int read, long last) {
		int quarter = Math.max(1, request.ringRecords() / 4);
		if (read >= 2 * quarter) {
			return 0;
		}
		if (read == 0) {
			return MAX_PAUSE_MS;
		}
		return Math.clamp(Math.max(last, 1) * quarter / read, 1, MAX_PAUSE_MS);
	}

	/** @return the targets still captured */
	List<ProcessTap> taps() {
		return List.copyOf(taps);
	}

	private void deliver(TrafficRecord record) {
		sequence++;
		captured.incrementAndGet();
		listener.captured(record.withSequence(sequence));
	}

	private void reportDrops() {
		long total = 0;
		for (ProcessTap tap : taps) {
			total += tap.dropped();
		}
		// a tap that was let go keeps its count in what was reported before
		if (total > dropped) {
			dropped = total;
			listener.dropped(total);
		}
	}

	@Override
	public TrafficRequest request() {
		return request;
	}

	@Override
	public long captured() {
		return captured.get();
	}

	@Override
	public long dropped() {
		return dropped;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public void close() {
		stopRequested = true;
		if (Thread.currentThread() != thread) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(60));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
