package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.ui.process.ProcessViews;

/** Show Regions: a region map for each selected process. */
public class ShowRegionsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
			for (Object element : selection.toList()) {
				if (element instanceof ProcessRow row) {
					try {
						ProcessViews.openRegionMap(window.getActivePage(), row.info().pid(), row.info().name());
					} catch (PartInitException e) {
						throw new ExecutionException(e.getMessage(), e);
					}
				}
			}
		}
		return null;
	}
}
