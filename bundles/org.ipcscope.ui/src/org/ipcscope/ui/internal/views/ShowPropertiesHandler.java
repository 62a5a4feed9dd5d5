package org.ipcscope.ui.internal.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Alt+Enter (the platform's Properties command) in the IPC Objects view: every fact of the row in the Properties view. */
public class ShowPropertiesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof IpcObjectsView view) {
			view.showProperties();
		}
		return null;
	}
}
