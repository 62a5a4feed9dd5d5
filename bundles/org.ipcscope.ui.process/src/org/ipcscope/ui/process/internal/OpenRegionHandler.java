package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Open in Hex Editor: the regions or matches selected in the active region map. */
public class OpenRegionHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof RegionMapView view) {
			view.openSelection();
		}
		return null;
	}
}
