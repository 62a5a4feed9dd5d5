package org.ipcscope.ui.internal.views;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.DetailProbe;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.ui.internal.Messages;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Ask Details...: what a listing must not ask (a named pipe's server pid needs a client
 * connection). The user is told the side effect and confirms; the asking runs in a job.
 */
public class AskDetailsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)
				|| !(selection.getFirstElement() instanceof TrackedObject row)) {
			return null;
		}
		IpcObject object = row.object();
		Optional<DetailProbe> probe = probeFor(object);
		if (probe.isEmpty()) {
			MessageDialog.openInformation(shell, Messages.AskDetails_Title,
					NLS.bind(Messages.AskDetails_NothingMore, object.name()));
			return null;
		}
		if (!MessageDialog.openConfirm(shell, Messages.AskDetails_Title, probe.get().sideEffect(object))) {
			return null;
		}
		Job job = Job.create(NLS.bind(Messages.AskDetails_Job, object.name()), monitor -> {
			String text;
			boolean failed;
			try {
				Map<String, String> details = probe.get().probe(object);
				text = details.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()) //$NON-NLS-1$
						.collect(Collectors.joining("\n")); //$NON-NLS-1$
				failed = false;
			} catch (RuntimeException e) {
				text = e.getMessage();
				failed = true;
			}
			String message = NLS.bind(Messages.AskDetails_Result, object.name(), text);
			boolean error = failed;
			shell.getDisplay().asyncExec(() -> {
				if (!shell.isDisposed()) {
					if (error) {
						MessageDialog.openError(shell, Messages.AskDetails_Title, message);
					} else {
						MessageDialog.openInformation(shell, Messages.AskDetails_Title, message);
					}
				}
			});
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return null;
	}

	static Optional<DetailProbe> probeFor(IpcObject object) {
		BundleContext context = FrameworkUtil.getBundle(AskDetailsHandler.class).getBundleContext();
		try {
			Collection<ServiceReference<DetailProbe>> references = context.getServiceReferences(DetailProbe.class, null);
			for (ServiceReference<DetailProbe> reference : references) {
				DetailProbe probe = context.getService(reference);
				if (probe != null && probe.appliesTo(object)) {
					return Optional.of(probe);
				}
			}
		} catch (InvalidSyntaxException e) {
			// no filter was given
		}
		return Optional.empty();
	}
}
