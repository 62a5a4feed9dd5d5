package org.ipcscope.cli.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Holds an OSGi service for as long as a command uses it. */
final class TrackedService<S> implements AutoCloseable {

	private final ServiceTracker<S, S> tracker;

	TrackedService(Class<S> type) {
		tracker = new ServiceTracker<>(FrameworkUtil.getBundle(TrackedService.class).getBundleContext(), type, null);
		tracker.open();
	}

	/** @return the service, or {@code null} if it did not appear in time */
	S await(long seconds) throws InterruptedException {
		return tracker.waitForService(TimeUnit.SECONDS.toMillis(seconds));
	}

	@Override
	public void close() {
		tracker.close();
	}
}
