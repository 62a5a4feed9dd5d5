package org.ipcscope.ui.internal.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.State;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.RadioState;

/** Auto Refresh on and off, at the interval chosen under Refresh Interval. */
public class AutoRefreshHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		boolean on = !HandlerUtil.toggleCommandState(event.getCommand());
		if (HandlerUtil.getActivePart(event) instanceof IpcObjectsView view) {
			view.setAutoRefresh(on, interval(view));
		}
		return null;
	}

	static long interval(IpcObjectsView view) {
		ICommandService commands = view.getSite().getService(ICommandService.class);
		Command command = commands.getCommand(IpcObjectsView.INTERVAL_COMMAND);
		State state = command.getState(RadioState.STATE_ID);
		return IpcObjectsView.parseInterval(state == null ? null : String.valueOf(state.getValue()));
	}
}
