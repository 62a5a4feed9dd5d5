package org.ipcscope.ui.debug.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.ui.debug.internal.DebugProcesses.Target;
import org.ipcscope.ui.process.ProcessViews;

/** Inspect Memory in the Debug view: the region map of the process behind each selected element. */
public class InspectMemoryHandler extends AbstractHandler {

	/** The job that finds the programs a debugger runs; tests join its family. */
	static final Object FAMILY = InspectMemoryHandler.class;

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
			for (Object element : selection.toList()) {
				Optional<Target> target = DebugProcesses.targetOf(element);
				if (target.isPresent() && target.get().debuggerPid()) {
					openChildrenOf(window, target.get().pid());
				} else if (target.isPresent()) {
					open(window, target.get().pid());
				}
			}
		}
		return null;
	}

	private static void open(IWorkbenchWindow window, long pid) throws ExecutionException {
		try {
			// the name comes from the process provider, like everywhere else
			ProcessViews.openRegionMap(window.getActivePage(), pid, ""); //$NON-NLS-1$
		} catch (PartInitException e) {
			throw new ExecutionException(e.getMessage(), e);
		}
	}

	/** Lists the processes in a job (the UI thread never waits on the OS), then opens gdb's children. */
	private static void openChildrenOf(IWorkbenchWindow window, long debuggerPid) {
		Job job = new Job(NLS.bind(Messages.InspectMemory_FindingProgram, debuggerPid)) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				List<ProcessInfo> processes;
				try {
					processes = processes();
				} catch (IOException e) {
					return Status.error(NLS.bind(Messages.InspectMemory_ListFailed, e.getMessage()), e);
				}
				List<Long> children = processes.stream().filter(p -> p.parentPid() == debuggerPid)
						.map(ProcessInfo::pid).toList();
				window.getShell().getDisplay().asyncExec(() -> {
					if (window.getShell().isDisposed()) {
						return;
					}
					if (children.isEmpty()) {
						MessageDialog.openInformation(window.getShell(), Messages.InspectMemory_NoProgramTitle,
								NLS.bind(Messages.InspectMemory_NoProgram, debuggerPid));
					}
					for (long child : children) {
						try {
							open(window, child);
						} catch (ExecutionException e) {
							MessageDialog.openError(window.getShell(), Messages.InspectMemory_NoProgramTitle,
									e.getMessage());
						}
					}
				});
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setUser(true);
		job.schedule();
	}

	private static List<ProcessInfo> processes() throws IOException {
		Object[] result = new Object[1];
		IOException[] failure = new IOException[1];
		ServiceCaller.callOnce(InspectMemoryHandler.class, ProcessMemoryProvider.class, provider -> {
			try {
				result[0] = provider.processes();
			} catch (IOException e) {
				failure[0] = e;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		@SuppressWarnings("unchecked")
		List<ProcessInfo> processes = result[0] == null ? List.of() : (List<ProcessInfo>) result[0];
		return processes;
	}
}
