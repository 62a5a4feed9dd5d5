package org.ipcscope.ui.traffic.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.process.ProcessInfo;

/** Capture I/O... on a Processes view row (which adapts to its {@link ProcessInfo}). */
public class CaptureIoHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
			ProcessInfo process = Adapters.adapt(selection.getFirstElement(), ProcessInfo.class);
			if (process != null) {
				CaptureStarts.captureIo(HandlerUtil.getActiveWorkbenchWindowChecked(event), process);
			}
		}
		return null;
	}
}
