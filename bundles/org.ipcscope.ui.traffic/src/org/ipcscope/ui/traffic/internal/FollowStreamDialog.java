package org.ipcscope.ui.traffic.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.traffic.FollowedStream;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.ui.sniff.internal.MessageDetailPane;

/**
 * Follow Stream: one endpoint's bytes in one direction joined in capture order, as text and hex
 * (the detail pane's decoders), with an export of the raw bytes.
 */
final class FollowStreamDialog extends Dialog {

	private static final int EXPORT_ID = IDialogConstants.CLIENT_ID + 1;

	private final FollowedStream.Key key;
	private final String process;
	private final String object;
	private final String handle;
	private final FollowedStream stream;
	private MessageDetailPane pane;
	private Label summary;

	FollowStreamDialog(Shell parent, FollowedStream.Key key, String process, String object, String handle,
			FollowedStream stream) {
		super(parent);
		this.key = key;
		this.process = process;
		this.object = object;
		this.handle = handle;
		this.stream = stream;
		setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.Follow_Title, new Object[] { process, handle,
				object == null ? "" : TrafficColumn.shown(object), //$NON-NLS-1$
				key.direction() == TrafficOp.Direction.IN ? Messages.Follow_In : Messages.Follow_Out }));
	}

	@Override
	protected Point getInitialSize() {
		return new Point(900, 600);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(area);
		summary = new Label(area, SWT.WRAP);
		String text = NLS.bind(Messages.Follow_Summary, stream.records(), stream.bytes().length);
		if (stream.missing() > 0) {
			text += NLS.bind(Messages.Follow_Missing, stream.missing());
		}
		summary.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		pane = new MessageDetailPane(area);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(pane);
		pane.showPayload(stream.bytes(), stream.bytes().length + stream.missing());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, EXPORT_ID, Messages.Follow_Export, false);
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == EXPORT_ID) {
			FileDialog files = new FileDialog(getShell(), SWT.SAVE);
			files.setFileName("stream-" + key.pid() + "-" + handle + "-" + key.direction().name().toLowerCase() + ".bin"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			files.setOverwrite(true);
			String file = files.open();
			if (file != null) {
				export(Path.of(file));
			}
		} else if (buttonId == IDialogConstants.CLOSE_ID) {
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	/** Writes the joined bytes, exactly, in a job. */
	Job export(Path file) {
		byte[] bytes = stream.bytes();
		Job job = Job.create(NLS.bind(Messages.Job_Export, file), monitor -> {
			try {
				Files.write(file, bytes);
				return Status.OK_STATUS;
			} catch (java.io.IOException e) {
				return Status.error(NLS.bind(Messages.Save_Failed, file, FileProblems.describe(e)), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	FollowedStream stream() {
		return stream;
	}

	MessageDetailPane pane() {
		return pane;
	}

	Label summary() {
		return summary;
	}
}
