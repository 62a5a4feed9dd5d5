package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.ui.hex.internal.OpenSharedMemory;

/**
 * Open for the IPC Objects view (double-click, or the context menu): a hex editor for each
 * selected shared-memory object. Enabled while the selection holds one.
 */
public class OpenObjectHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		if (window != null && HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
			for (Object element : selection.toList()) {
				if (isMemory(element)) {
					OpenSharedMemory.open(window, ((TrackedObject) element).object());
				}
			}
		}
		return null;
	}

	@Override
	public void setEnabled(Object evaluationContext) {
		Object selection = evaluationContext instanceof IEvaluationContext context
				? context.getVariable("selection") //$NON-NLS-1$
				: null;
		setBaseEnabled(selection instanceof IStructuredSelection structured
				&& structured.toList().stream().anyMatch(OpenObjectHandler::isMemory));
	}

	private static boolean isMemory(Object element) {
		return element instanceof TrackedObject row && row.object().kind().isMemory();
	}
}
