package org.ipcscope.ui.traffic.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.ui.traffic.TrafficViews;

/** Capture Traffic... and Capture I/O...: the dialog that asks, then the capture in the Traffic view. */
final class CaptureStarts {

	/** The kinds whose bytes can flow through a channel; a capturer says which of them it sees. */
	static final Set<IpcKind> CHANNELS = Set.of(IpcKind.NAMED_PIPE, IpcKind.MAILSLOT, IpcKind.TCP, IpcKind.UDP,
			IpcKind.UNIX_SOCKET, IpcKind.FIFO, IpcKind.PIPE);

	private CaptureStarts() {
	}

	/** @return the dialog for an IPC Objects row: its holders, all ticked */
	static CaptureDialog trafficDialog(Shell shell, IpcObject object, String change) {
		return new CaptureDialog(shell, Messages.Dialog_TrafficTitle,
				NLS.bind(Messages.Dialog_TrafficMessage, TrafficColumn.shown(object.name())), object.owners(), change, false);
	}

	/** @return the dialog for a Processes view row, with the optional object filter */
	static CaptureDialog ioDialog(Shell shell, ProcessInfo process, String change) {
		Owner self = new Owner(process.pid(), process.name(), Messages.Dialog_AllChannels, null);
		return new CaptureDialog(shell, Messages.Dialog_IoTitle,
				NLS.bind(Messages.Dialog_IoMessage, TrafficColumn.shown(self.describeProcess())), List.of(self), change, true);
	}

	/** Asks, then captures the holders of the object. */
	static void captureTraffic(IWorkbenchWindow window, IpcObject object) throws ExecutionException {
		Shell shell = window.getShell();
		TrafficCapturer capturer = CHANNELS.contains(object.kind()) ? TrafficPlugin.capturerFor(object.kind()) : null;
		if (capturer == null) {
			MessageDialog.openInformation(shell, Messages.Dialog_TrafficTitle,
					NLS.bind(Messages.Dialog_NoCapturer, TrafficColumn.shown(object.name())));
			return;
		}
		if (object.owners().isEmpty()) {
			MessageDialog.openInformation(shell, Messages.Dialog_TrafficTitle,
					NLS.bind(Messages.Dialog_NoHolders, TrafficColumn.shown(object.name())));
			return;
		}
		CaptureDialog dialog = trafficDialog(shell, object, capturer.change());
		// a dialog closed by other means than its buttons answers OK with nothing ticked
		if (dialog.open() != Window.OK || dialog.pids().isEmpty()) {
			return;
		}
		TrafficRequest request = new TrafficRequest(dialog.pids(), object.name(), Set.of(object.kind()),
				TrafficRequest.DEFAULT_PAYLOAD_CAP, TrafficRequest.DEFAULT_RING_RECORDS);
		start(window, capturer, request, names(object.owners()), TrafficColumn.shown(object.name()));
	}

	/** Asks, then captures every channel of the process (or the one object named). */
	static void captureIo(IWorkbenchWindow window, ProcessInfo process) throws ExecutionException {
		Shell shell = window.getShell();
		List<TrafficCapturer> capturers = TrafficPlugin.capturers();
		if (capturers.isEmpty()) {
			MessageDialog.openInformation(shell, Messages.Dialog_IoTitle,
					NLS.bind(Messages.Dialog_NoCapturer, TrafficColumn.shown(process.name())));
			return;
		}
		TrafficCapturer capturer = capturers.get(0);
		CaptureDialog dialog = ioDialog(shell, process, capturer.change());
		// a dialog closed by other means than its buttons answers OK with nothing ticked
		if (dialog.open() != Window.OK || dialog.pids().isEmpty()) {
			return;
		}
		TrafficRequest request = new TrafficRequest(dialog.pids(), dialog.objectName(), Set.of(),
				TrafficRequest.DEFAULT_PAYLOAD_CAP, TrafficRequest.DEFAULT_RING_RECORDS);
		Owner self = new Owner(process.pid(), process.name(), null, null);
		start(window, capturer, request, names(List.of(self)), TrafficColumn.shown(self.describeProcess()));
	}

	static Map<Long, String> names(List<Owner> owners) {
		Map<Long, String> names = new HashMap<>();
		for (Owner owner : owners) {
			if (owner.process() != null) {
				names.put(owner.pid(), owner.process());
			}
		}
		return names;
	}

	/** Shows the Traffic view and starts the capture there. @return the start job, or null */
	static Job start(IWorkbenchWindow window, TrafficCapturer capturer, TrafficRequest request,
			Map<Long, String> names, String what) throws ExecutionException {
		TrafficView view;
		try {
			view = (TrafficView) window.getActivePage().showView(TrafficViews.TRAFFIC);
		} catch (PartInitException e) {
			throw new ExecutionException(Messages.Command_ViewFailed, e);
		}
		Job job = view.capture(capturer, request, names, what);
		if (job == null) {
			MessageDialog.openInformation(window.getShell(), Messages.Start_Title, Messages.Load_Refused);
		}
		return job;
	}
}
