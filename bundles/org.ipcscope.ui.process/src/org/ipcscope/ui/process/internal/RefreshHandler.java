package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Refresh (F5) of the active process view. */
public class RefreshHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof Refreshable view) {
			view.refresh();
		}
		return null;
	}
}
