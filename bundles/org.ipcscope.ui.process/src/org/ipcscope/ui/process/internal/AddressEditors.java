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

/** Opens a process's memory at an address: the region is looked up in a job, the editor opened on the UI thread. */
public final class AddressEditors {

	private AddressEditors() {
	}

	/**
	 * @param failed told why nothing opened (no such process, no readable region there), on the UI thread
	 * @return the scheduled job
	 */
	public static Job openAt(IWorkbenchPage page, long pid, long address, Consumer<String> failed) {
		Display display = page.getWorkbenchWindow().getShell().getDisplay();
		String where = "0x" + Long.toHexString(address); //$NON-NLS-1$
		Job job = Job.create(NLS.bind(Messages.AddressEditors_Job, where, Long.toString(pid)), monitor -> {
			MemoryRegion found = null;
			String why = null;
			String name = ""; //$NON-NLS-1$
			try {
				name = ProcessProvider.call(provider -> provider.processes()).stream().filter(p -> p.pid() == pid)
						.map(p -> p.name()).findFirst().orElse(""); //$NON-NLS-1$
				for (MemoryRegion region : ProcessProvider.call(provider -> provider.regions(pid))) {
					if (region.contains(address) && region.isReadable()) {
						found = region;
						break;
					}
				}
				if (found == null) {
					why = NLS.bind(Messages.AddressEditors_NoRegion, where, Long.toString(pid));
				}
			} catch (IOException | RuntimeException e) {
				why = NLS.bind(Messages.AddressEditors_Failed, Long.toString(pid), e.getMessage());
			}
			MemoryRegion region = found;
			String processName = name;
			String reason = why;
			display.asyncExec(() -> {
				if (page.getWorkbenchWindow().getShell().isDisposed()) {
					return;
				}
				if (region == null) {
					failed.accept(reason);
					return;
				}
				try {
					HexEditors.openAt(page, new ProcessRegionInput(pid, processName, region), address - region.start(), 1);
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
