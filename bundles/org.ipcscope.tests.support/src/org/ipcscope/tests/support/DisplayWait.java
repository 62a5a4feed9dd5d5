package org.ipcscope.tests.support;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Waiting in UI tests on the UI thread: the event loop keeps running while the test waits. */
public final class DisplayWait {

	private static final long TIMEOUT_NANOS = 60_000_000_000L;

	private DisplayWait() {
	}

	/** Runs the event loop until the condition holds; fails naming {@code what} after 60 s. */
	public static void until(BooleanSupplier condition, String what) throws InterruptedException {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + TIMEOUT_NANOS;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				Thread.sleep(10);
			}
		}
	}

	/** Runs the event loop for a while: lets timers, repaints and queued runnables happen. */
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
