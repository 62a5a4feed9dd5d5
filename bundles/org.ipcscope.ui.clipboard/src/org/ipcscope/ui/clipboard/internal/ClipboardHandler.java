package org.ipcscope.ui.clipboard.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** The Clipboard view's commands; each runs on the view it was given. */
public class ClipboardHandler extends AbstractHandler {

	static final String READ = "org.ipcscope.ui.clipboard.read"; //$NON-NLS-1$
	static final String WATCH = "org.ipcscope.ui.clipboard.watch"; //$NON-NLS-1$
	static final String SAVE = "org.ipcscope.ui.clipboard.save"; //$NON-NLS-1$
	static final String OPEN = "org.ipcscope.ui.clipboard.open"; //$NON-NLS-1$
	static final String CLEAR = "org.ipcscope.ui.clipboard.clear"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchPart part = HandlerUtil.getActivePart(event);
		if (!(part instanceof ClipboardView view)) {
			return null;
		}
		switch (event.getCommand().getId()) {
		case READ -> view.readSelected();
		case WATCH -> view.setRecording(!HandlerUtil.toggleCommandState(event.getCommand()));
		case SAVE -> {
			String file = file(view, SWT.SAVE, Messages.Dialog_Save);
			if (file != null) {
				view.saveHistory(file);
			}
		}
		case OPEN -> {
			String file = file(view, SWT.OPEN, Messages.Dialog_Open);
			if (file != null) {
				view.openHistory(file);
			}
		}
		case CLEAR -> view.clearHistory();
		default -> view.refresh();
		}
		return null;
	}

	private static String file(ClipboardView view, int style, String title) {
		FileDialog dialog = new FileDialog(view.getSite().getShell(), style);
		dialog.setText(title);
		dialog.setFilterExtensions(new String[] { "*.jsonl", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setOverwrite(true);
		return dialog.open();
	}
}
