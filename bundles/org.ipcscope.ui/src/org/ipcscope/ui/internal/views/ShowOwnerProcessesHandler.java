package org.ipcscope.ui.internal.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Go to Owner Process: groups by process and selects the processes holding the selection. */
public class ShowOwnerProcessesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof IpcObjectsView view) {
			view.revealOwnerProcesses();
		}
		return null;
	}
}
