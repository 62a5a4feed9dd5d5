package org.ipcscope.ui.traffic.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.text.NameBytes;
import org.ipcscope.ui.sniff.SniffViews;
import org.ipcscope.ui.sniff.internal.CopyDataView;
import org.ipcscope.ui.traffic.TrafficViews;

/**
 * File > Open Capture...: reads the file's first line in a job and opens the file in the view
 * of its format, the Traffic view or the Message Sniffer.
 */
public class OpenCaptureHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		String file = fileDialog(window.getShell(), SWT.OPEN).open();
		if (file != null) {
			open(window, Path.of(file));
		}
		return null;
	}

	/** Tells the format in a job, then opens the file in its view. @return that job */
	static Job open(IWorkbenchWindow window, Path file) {
		Display display = window.getShell().getDisplay();
		Job job = Job.create(NLS.bind(Messages.Job_Load, file), monitor -> {
			CaptureFileKinds.Kind kind;
			String problem = null;
			try {
				kind = CaptureFileKinds.kindOf(file);
			} catch (IOException e) {
				kind = CaptureFileKinds.Kind.UNKNOWN;
				problem = FileProblems.describe(e);
			}
			CaptureFileKinds.Kind found = kind;
			String why = problem;
			display.asyncExec(() -> show(window, file, found, why));
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private static void show(IWorkbenchWindow window, Path file, CaptureFileKinds.Kind kind, String problem) {
		IWorkbenchPage page = window.getActivePage();
		if (page == null || window.getShell().isDisposed()) {
			return;
		}
		try {
			switch (kind) {
			case TRAFFIC -> ((TrafficView) page.showView(TrafficViews.TRAFFIC)).load(file);
			case COPYDATA -> ((CopyDataView) page.showView(SniffViews.COPY_DATA)).load(file);
			case UNKNOWN -> MessageDialog.openError(window.getShell(), Messages.Open_Title,
					problem != null ? problem : NLS.bind(Messages.Open_Unknown, NameBytes.name(file)));
			}
		} catch (PartInitException e) {
			MessageDialog.openError(window.getShell(), Messages.Open_Title, e.getMessage());
		}
	}

	static FileDialog fileDialog(Shell shell, int style) {
		FileDialog dialog = new FileDialog(shell, style);
		dialog.setFilterExtensions(new String[] { "*.jsonl", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFilterNames(new String[] { Messages.Files_CaptureFilter, Messages.Files_AllFilter });
		return dialog;
	}
}
