package org.ipcscope.tests.support;

import java.time.Duration;

import org.eclipse.core.runtime.jobs.Job;

/** Waiting in a UI test for a job and for what it hands back to the UI thread. */
public final class JobWaits {

	private JobWaits() {
	}

	/**
	 * Waits until {@code job} (if any) has ended, fails if it did not end well, then runs what it
	 * handed to the UI thread.
	 */
	public static void join(Job job, Duration timeout) throws InterruptedException {
		if (job == null) {
			return;
		}
		job.join(timeout.toMillis(), null);
		DisplayWaits.waitUntil(() -> job.getState() == Job.NONE, job.getName(), timeout);
		if (job.getResult() != null && !job.getResult().isOK()) {
			throw new AssertionError(job.getName() + ": " + job.getResult());
		}
		DisplayWaits.drain();
	}
}
