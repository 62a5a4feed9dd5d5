package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Show Kernel Threads in the Processes view's menu: hidden by default, they crowd the list on Linux. */
public class ShowKernelThreadsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		boolean show = !HandlerUtil.toggleCommandState(event.getCommand());
		if (HandlerUtil.getActivePart(event) instanceof ProcessesView view) {
			view.setShowKernelThreads(show);
		}
		return null;
	}
}
