package org.ipcscope.ui.traffic.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.change.TrackedObject;

/** Capture Traffic... on an IPC Objects row (plugin.xml enables it where a capturer sees the kind). */
public class CaptureTrafficHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof TrackedObject tracked) {
			CaptureStarts.captureTraffic(HandlerUtil.getActiveWorkbenchWindowChecked(event), tracked.object());
		}
		return null;
	}
}
