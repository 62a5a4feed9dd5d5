package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.ui.hex.internal.MemoryServices;
import org.ipcscope.ui.hex.internal.OpenSharedMemory;
import org.ipcscope.ui.hex.internal.OpenSharedMemoryDialog;

/** Open Shared Memory...: asks for a name and a namespace and opens the object in a hex editor. */
public class OpenSharedMemoryHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		if (window == null) {
			return null;
		}
		OpenSharedMemoryDialog dialog = new OpenSharedMemoryDialog(window.getShell(), MemoryServices.namespaces());
		if (dialog.open() == Window.OK) {
			OpenSharedMemory.byName(window, dialog.name(), dialog.namespace());
		}
		return null;
	}
}
