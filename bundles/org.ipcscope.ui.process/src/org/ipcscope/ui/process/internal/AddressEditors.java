package org.ipcscope.ui.process.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.ui.hex.HexEditors;
import org.ipcscope.ui.process.ProcessAddress;

/** Opens a process's memory at an address: the region is looked up in a job, the editor opened on the UI thread. */
public final class AddressEditors {

	private AddressEditors() {
	}

	/**
	 * Looks the address up through the process memory provider; blocks, so call it in a job.
	 *
	 * @return the readable region holding the address, or why there is none
	 */
	public static ProcessAddress find(long pid, long address) {
		String where = "0x" + Long.toHexString(address); //$NON-NLS-1$
		String name = ""; //$NON-NLS-1$
		try {
			name = ProcessProvider.call(provider -> provider.processes()).stream().filter(p -> p.pid() == pid)
					.map(p -> p.name()).findFirst().orElse(""); //$NON-NLS-1$
			for (MemoryRegion region : ProcessProvider.call(provider -> provider.regions(pid))) {
				if (region.contains(address) && region.isReadable()) {
					return new ProcessAddress(pid, name, address, region, null);
				}
			}
			return new ProcessAddress(pid, name, address, null,
					NLS.bind(Messages.AddressEditors_NoRegion, where, Long.toString(pid)));
		} catch (IOException | RuntimeException e) {
			return new ProcessAddress(pid, name, address, null,
					NLS.bind(Messages.AddressEditors_Failed, Long.toString(pid), e.getMessage()));
		}
	}

	/** Opens the hex editor on a found address's region, the address selected. */
	public static void open(IWorkbenchPage page, ProcessAddress place) throws PartInitException {
		MemoryRegion region = place.region();
		HexEditors.openAt(page, new ProcessRegionInput(place.pid(), place.processName(), region),
				place.address() - region.start(), 1);
	}

	/**
	 * @param failed told why nothing opened (no such process, no readable region there), on the UI thread
	 * @return the scheduled job
	 */
	public static Job openAt(IWorkbenchPage page, long pid, long address, Consumer<String> failed) {
		Display display = page.getWorkbenchWindow().getShell().getDisplay();
		String where = "0x" + Long.toHexString(address); //$NON-NLS-1$
		Job job = Job.create(NLS.bind(Messages.AddressEditors_Job, where, Long.toString(pid)), monitor -> {
			ProcessAddress place = find(pid, address);
			display.asyncExec(() -> {
				if (page.getWorkbenchWindow().getShell().isDisposed()) {
					return;
				}
				if (!place.found()) {
					failed.accept(place.problem());
					return;
				}
				try {
					open(page, place);
				} catch (PartInitException e) {
					failed.accept(e.getMessage());
				}
			});
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}
}
