package org.ipcscope.tests.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/**
 * Waiting in a UI test on the UI thread: the display keeps dispatching, so that what jobs hand
 * back through asyncExec arrives meanwhile.
 */
public final class DisplayWaits {

	private DisplayWaits() {
	}

	/** @throws AssertionError naming {@code what} if the condition did not hold within {@code timeout} */
	public static void waitUntil(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				Thread.sleep(5);
			}
		}
	}

	/** {@link #waitUntil} with the minute a busy machine may need. */
	public static void until(BooleanSupplier condition, String what) throws InterruptedException {
		waitUntil(condition, what, Duration.ofSeconds(60));
	}

	/**
	 * Runs what jobs handed to the UI thread before now: asyncExec runs in order, so once a runnable
	 * queued now has run, so has everything queued before it (a busy machine may need seconds).
	 */
	public static void drain() throws InterruptedException {
		boolean[] ran = { false };
		Display.getCurrent().asyncExec(() -> ran[0] = true);
		waitUntil(() -> ran[0], "the UI thread to run what was handed to it", Duration.ofSeconds(30));
	}

	/** Dispatches events for {@code millis} milliseconds. */
	public static void spin(long millis) throws InterruptedException {
		Display display = Display.getCurrent();
		long end = System.nanoTime() + millis * 1_000_000L;
		while (System.nanoTime() < end) {
			if (!display.readAndDispatch()) {
				Thread.sleep(5);
			}
		}
	}
}
