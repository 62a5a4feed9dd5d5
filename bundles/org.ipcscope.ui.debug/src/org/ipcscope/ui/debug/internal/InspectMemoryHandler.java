package org.ipcscope.ui.debug.internal;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.ui.process.ProcessViews;

/** Inspect Memory in the Debug view: the region map of the process behind each selected element. */
public class InspectMemoryHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
			for (Object element : selection.toList()) {
				Optional<IProcess> process = DebugProcesses.processOf(element);
				if (process.isPresent()) {
					try {
						// the name comes from the process provider, like everywhere else
						ProcessViews.openRegionMap(window.getActivePage(),
								DebugProcesses.pid(process.get()).getAsLong(), "");
					} catch (PartInitException e) {
						throw new ExecutionException(e.getMessage(), e);
					}
				}
			}
		}
		return null;
	}
}
