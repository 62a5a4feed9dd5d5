package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.WindowInfo;

import com.sun.jna.platform.win32.WinDef.HWND;

/**
 * A capture whose every step runs on one thread of its own, because Windows ties them to a
 * thread (a window and its message loop, a hook): take the target over, capture, give the target
 * back - the last whatever happened before. Messages reach the listener through a
 * {@link Delivery}; {@code ended(reason)} is told only when the capture ended by itself.
 */
abstract class CaptureThread implements CaptureSession {

	protected final WindowInfo target;
	protected final HWND targetHwnd;
	protected final CaptureOptions options;
	protected final Delivery delivery;
	protected final CaptureClock clock = new CaptureClock();
	protected final AtomicLong captured = new AtomicLong();
	private final CaptureStrategy strategy;
	private final Runnable onEnd;
	private final CompletableFuture<Void> started = new CompletableFuture<>();
	private final Thread thread;
	private volatile boolean running;

	CaptureThread(CaptureStrategy strategy, WindowInfo target, CaptureOptions options, CaptureListener listener,
			Runnable onEnd, long stackBytes) {
		this.strategy = strategy;
		this.target = target;
		this.targetHwnd = WindowHandles.hwnd(target.hwnd());
		this.options = options;
		this.onEnd = onEnd;
		String name = "Message capture " + strategy.id() + " " + WindowHandles.hex(target.hwnd());
		this.delivery = new Delivery(listener, name + " delivery");
		this.thread = new Thread(null, this::run, name, stackBytes);
		thread.setDaemon(true);
	}

	/** Starts the thread and waits until the target is taken over. */
	final void begin(int timeoutSeconds) throws IOException {
		thread.start();
		try {
			started.get(timeoutSeconds, TimeUnit.SECONDS);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e.getCause());
		} catch (TimeoutException e) {
			close();
			throw new IOException("The " + strategy.id() + " capture of window " + WindowHandles.hex(target.hwnd())
					+ " did not start in " + timeoutSeconds + " s.");
		} catch (InterruptedException e) {
			close();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/** @throws IOException with a message fit to show; {@link #giveBack()} undoes what was done */
	abstract void takeOver() throws IOException;

	/** @return why the capture ended by itself, or {@code null} when it was asked to stop */
	abstract String capture() throws IOException;

	/** Runs whatever happened before. @return what could not be undone, or {@code null} */
	abstract String giveBack();

	/** Asks the capture's thread to stop; called on any thread. */
	abstract void requestStop();

	private void run() {
		String reason = null;
		try {
			takeOver();
			running = true;
			started.complete(null);
			reason = capture();
		} catch (IOException | RuntimeException e) {
			if (!started.isDone()) {
				started.completeExceptionally(e);
			} else {
				reason = "The capture failed: " + e;
			}
		} finally {
			running = false;
			String problem = giveBack();
			boolean wasRunning = started.isDone() && !started.isCompletedExceptionally();
			delivery.finish(!wasRunning ? null : reason == null ? problem : problem == null ? reason : reason + " " + problem);
			onEnd.run();
		}
	}

	@Override
	public WindowInfo target() {
		return target;
	}

	@Override
	public CaptureStrategy strategy() {
		return strategy;
	}

	@Override
	public long captured() {
		return captured.get();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public void close() {
		requestStop();
		if (Thread.currentThread() != thread) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(30));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			delivery.awaitFinished(TimeUnit.SECONDS.toMillis(10));
		}
	}
}
