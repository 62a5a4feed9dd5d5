package org.ipcscope.ui.internal.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.RadioState;
import org.ipcscope.ui.LiveRefresh;
import org.ipcscope.ui.internal.Messages;

/**
 * Refresh Interval > 1 s ... 30 s: the live views' interval (also in Window > Preferences > IPC
 * Scope); every live view follows it at once.
 */
public class RefreshIntervalHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (HandlerUtil.matchesRadioState(event)) {
			return null;
		}
		String millis = event.getParameter(RadioState.PARAMETER_ID);
		HandlerUtil.updateRadioState(event.getCommand(), millis);
		try {
			LiveRefresh.setIntervalMillis(Long.parseLong(millis));
		} catch (NumberFormatException e) {
			throw new ExecutionException(NLS.bind(Messages.RefreshInterval_NotNumber, millis), e);
		}
		return null;
	}
}
