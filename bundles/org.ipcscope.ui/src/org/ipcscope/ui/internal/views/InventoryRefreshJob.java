package org.ipcscope.ui.internal.views;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.InventoryService;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.ui.internal.Messages;
import org.ipcscope.ui.internal.preferences.InventoryPreferences;

/**
 * Asks the inventory service off the UI thread. The result goes to a consumer that must itself
 * get back to the display; {@code null} means no service was there to ask.
 */
final class InventoryRefreshJob extends Job {

	/** Family of all refresh jobs, so that tests and shutdown can wait for them. */
	static final Object FAMILY = InventoryRefreshJob.class;

	private final Consumer<InventorySnapshot> onDone;

	InventoryRefreshJob(Consumer<InventorySnapshot> onDone) {
		super(Messages.InventoryRefreshJob_Name);
		this.onDone = onDone;
		setUser(false);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		InventorySnapshot[] result = new InventorySnapshot[1];
		// the preferences as they are at each refresh: a change applies to the next one
		InventoryRequest request = InventoryPreferences.request();
		boolean called = ServiceCaller.callOnce(getClass(), InventoryService.class,
				service -> result[0] = service.refresh(request));
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		onDone.accept(called ? result[0] : null);
		return Status.OK_STATUS;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}
}
