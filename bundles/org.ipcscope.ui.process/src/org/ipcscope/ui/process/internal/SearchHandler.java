package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

/** Search Memory... (and Edit > Find... in a region map): asks for a pattern, then searches the process in a job. */
public class SearchHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof RegionMapView view) {
			SearchDialog dialog = new SearchDialog(HandlerUtil.getActiveShell(event), view.pid());
			if (dialog.open() == Window.OK) {
				view.search(dialog.pattern());
			}
		}
		return null;
	}
}
