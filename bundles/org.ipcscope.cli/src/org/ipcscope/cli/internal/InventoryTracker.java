package org.ipcscope.cli.internal;

import java.util.concurrent.TimeUnit;

import org.ipcscope.core.InventoryService;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Holds the inventory service for as long as a command uses it. */
final class InventoryTracker implements AutoCloseable {

	private final ServiceTracker<InventoryService, InventoryService> tracker;

	InventoryTracker() {
		tracker = new ServiceTracker<>(FrameworkUtil.getBundle(InventoryTracker.class).getBundleContext(),
				InventoryService.class, null);
		tracker.open();
	}

	/** @return the service, or {@code null} if it did not appear in time */
	InventoryService await(long seconds) throws InterruptedException {
		return tracker.waitForService(TimeUnit.SECONDS.toMillis(seconds));
	}

	@Override
	public void close() {
		tracker.close();
	}
}
