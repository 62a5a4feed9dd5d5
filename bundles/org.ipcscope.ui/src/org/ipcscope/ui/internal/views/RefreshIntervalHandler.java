package org.ipcscope.ui.internal.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.State;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.RadioState;
import org.eclipse.ui.handlers.RegistryToggleState;

/** Refresh Interval > 1 s ... 30 s; takes effect at once when auto-refresh is on. */
public class RefreshIntervalHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (HandlerUtil.matchesRadioState(event)) {
			return null;
		}
		String millis = event.getParameter(RadioState.PARAMETER_ID);
		HandlerUtil.updateRadioState(event.getCommand(), millis);
		if (HandlerUtil.getActivePart(event) instanceof IpcObjectsView view) {
			State auto = view.getSite().getService(ICommandService.class)
					.getCommand(IpcObjectsView.AUTO_REFRESH_COMMAND).getState(RegistryToggleState.STATE_ID);
			view.setAutoRefresh(auto != null && Boolean.TRUE.equals(auto.getValue()), IpcObjectsView.parseInterval(millis));
		}
		return null;
	}
}
