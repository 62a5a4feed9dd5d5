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
			while (!stopRequested) {
				int read = 0;
				for (ProcessTap tap : taps) {
					read += tap.poll(this::deliver);
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
				if (read == 0) {
					Thread.sleep(1);
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
