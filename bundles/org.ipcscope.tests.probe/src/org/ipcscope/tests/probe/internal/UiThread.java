package org.ipcscope.tests.probe.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

/** Runs probe steps in the UI thread from the probe's own thread, and waits between them. */
final class UiThread {

	private static final Duration POLL = Duration.ofMillis(200);

	private final Display display;
	private final Instant deadline;

	UiThread(Display display, Duration timeout) {
		this.display = display;
		this.deadline = Instant.now().plus(timeout);
	}

	/**
	 * @return what {@code step} returned in the UI thread; what it threw is thrown here (by itself,
	 *         syncExec would hand it to the workbench's event loop, which only logs it)
	 */
	<T> T call(Supplier<T> step) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.syncExec(() -> {
			try {
				result.set(step.get());
			} catch (Throwable t) {
				failure.set(t);
			}
		});
		if (failure.get() != null) {
			throw new IllegalStateException(failure.get().getMessage(), failure.get());
		}
		return result.get();
	}

	void run(Runnable step) {
		call(() -> {
			step.run();
			return null;
		});
	}

	/**
	 * Polls {@code step} in the UI thread until it returns something other than {@code null}, in
	 * between letting the UI thread work.
	 */
	<T> T await(String what, Supplier<T> step) throws TimeoutException, InterruptedException {
		return await(what, deadline, step);
	}

	/** As {@link #await(String, Supplier)}, giving up after {@code limit} (or the probe's time-out, if earlier). */
	<T> T await(String what, Duration limit, Supplier<T> step) throws TimeoutException, InterruptedException {
		Instant end = Instant.now().plus(limit);
		return await(what, end.isBefore(deadline) ? end : deadline, step);
	}

	private <T> T await(String what, Instant until, Supplier<T> step) throws TimeoutException, InterruptedException {
		while (true) {
			T result = call(step);
			if (result != null) {
				return result;
			}
			if (Instant.now().isAfter(until)) {
				throw new TimeoutException("Timed out waiting for " + what);
			}
			Thread.sleep(POLL);
		}
	}

	/** Lets the UI thread paint what the last steps changed. */
	void settle(Duration time) throws InterruptedException {
		Thread.sleep(time);
		run(() -> {
			while (display.readAndDispatch()) {
				// drain pending events and paints
			}
		});
	}
}
