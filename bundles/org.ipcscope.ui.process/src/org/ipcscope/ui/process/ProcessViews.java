package org.ipcscope.ui.process;

import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.ipcscope.ui.process.internal.AddressEditors;
import org.ipcscope.ui.process.internal.RegionMapView;

/** Opens the process memory views, for other plug-ins (the Debug view's Inspect Memory). */
public final class ProcessViews {

	/** The list of processes. */
	public static final String PROCESSES_VIEW_ID = "org.ipcscope.ui.process.processes"; //$NON-NLS-1$

	/** The region map; one per process, the pid as its secondary id. */
	public static final String REGION_MAP_VIEW_ID = RegionMapView.ID;

	private ProcessViews() {
	}

	/**
	 * Shows the region map of a process (one view per process), which reads it in a job.
	 *
	 * @param name the process's name if known, else empty: the view looks it up
	 */
	public static IViewPart openRegionMap(IWorkbenchPage page, long pid, String name) throws PartInitException {
		IViewPart view = page.showView(REGION_MAP_VIEW_ID, Long.toString(pid), IWorkbenchPage.VIEW_ACTIVATE);
		if (view instanceof RegionMapView map) {
			map.setProcessName(name);
		}
		return view;
	}

	/**
	 * Opens the memory of a process at an address in the hex editor: a job finds the readable
	 * region there through the process memory provider, then the editor opens on that region.
	 *
	 * @param failed told why nothing opened (no such process, nothing readable there), on the UI thread
	 * @return the scheduled job
	 */
	public static Job openMemoryAt(IWorkbenchPage page, long pid, long address, Consumer<String> failed) {
		return AddressEditors.openAt(page, pid, address, failed);
	}

	/**
	 * Finds the readable region of a process holding an address, through the process memory
	 * provider. Blocks: call it in a job.
	 */
	public static ProcessAddress findMemoryAt(long pid, long address) {
		return AddressEditors.find(pid, address);
	}

	/** Opens the hex editor on the region {@link #findMemoryAt} found, the address selected. */
	public static void openMemory(IWorkbenchPage page, ProcessAddress place) throws PartInitException {
		AddressEditors.open(page, place);
	}
}
