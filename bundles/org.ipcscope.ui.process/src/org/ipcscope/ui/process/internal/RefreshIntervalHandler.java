package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** How often the active region map reads the regions again while auto-refresh is on. */
public class RefreshIntervalHandler extends AbstractHandler {

	static final String MILLIS = "org.ipcscope.ui.process.millis"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof RegionMapView view) {
			view.setRefreshInterval(Long.parseLong(event.getParameter(MILLIS)));
			view.setAutoRefresh(true);
		}
		return null;
	}
}
