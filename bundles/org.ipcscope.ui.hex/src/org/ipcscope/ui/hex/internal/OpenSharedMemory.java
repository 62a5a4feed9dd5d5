package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.ipcscope.core.IpcObject;
import org.ipcscope.ui.hex.HexEditors;

/** Looks a name up off the UI thread, then opens its editor or says why not. */
public final class OpenSharedMemory {

	private OpenSharedMemory() {
	}

	public static Job byName(IWorkbenchWindow window, String name, String namespace) {
		Job job = Job.create(NLS.bind(Messages.OpenDialog_LookupJob, name), monitor -> {
			Optional<IpcObject> found;
			String problem = null;
			try {
				found = MemoryServices.lookup(name, namespace);
			} catch (IOException e) {
				found = Optional.empty();
				problem = e.getMessage();
			}
			Optional<IpcObject> object = found;
			String why = problem;
			window.getShell().getDisplay().asyncExec(() -> {
				if (object.isPresent()) {
					open(window, object.get());
				} else {
					MessageDialog.openError(window.getShell(), Messages.OpenDialog_Title, why != null ? why
							: NLS.bind(Messages.OpenDialog_NotFound, name,
									namespace == null ? Messages.OpenDialog_AnyNamespace : namespace));
				}
			});
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	public static void open(IWorkbenchWindow window, IpcObject object) {
		try {
			HexEditors.open(window.getActivePage(), object);
		} catch (PartInitException e) {
			MessageDialog.openError(window.getShell(), Messages.OpenDialog_Title, e.getMessage());
		}
	}
}
