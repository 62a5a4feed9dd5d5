package org.ipcscope.ui.internal.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Auto Refresh on and off, at the live views' interval. */
public class AutoRefreshHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		boolean on = !HandlerUtil.toggleCommandState(event.getCommand());
		if (HandlerUtil.getActivePart(event) instanceof IpcObjectsView view) {
			view.setAutoRefresh(on);
		}
		return null;
	}
}
