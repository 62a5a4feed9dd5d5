package org.ipcscope.tests.support;

import java.time.Duration;

/** Waiting off the UI thread for a condition, with a deadline that fails the test. */
public final class Waits {

	/** What a busy machine (two cores, a build beside the test) may need. */
	public static final Duration DEFAULT = Duration.ofSeconds(30);

	/** A condition that may fail to be evaluated; a failure counts as "not yet". */
	public interface Condition {
		boolean holds() throws Exception;
	}

	private Waits() {
	}

	/** @throws AssertionError naming {@code what} if the condition did not hold within {@code timeout} */
	public static void until(Condition condition, String what, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Exception last = null;
		while (true) {
			try {
				if (condition.holds()) {
					return;
				}
			} catch (InterruptedException e) {
				throw e;
			} catch (Exception e) {
				last = e;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
						+ (last == null ? "" : " (last failure: " + last + ")"), last);
			}
			Thread.sleep(10);
		}
	}

	/** {@link #until(Condition, String, Duration)} with {@link #DEFAULT}. */
	public static void until(Condition condition, String what) throws InterruptedException {
		until(condition, what, DEFAULT);
	}
}
