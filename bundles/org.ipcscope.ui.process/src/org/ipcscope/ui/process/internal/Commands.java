package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.handlers.IHandlerService;

/** The command ids of the process views; double-clicks run them like the menus do. */
final class Commands {

	static final String SHOW_REGIONS = "org.ipcscope.ui.process.commands.showRegions"; //$NON-NLS-1$
	static final String OPEN_REGION = "org.ipcscope.ui.process.commands.openRegion"; //$NON-NLS-1$
	static final String SEARCH = "org.ipcscope.ui.process.commands.search"; //$NON-NLS-1$
	static final String AUTO_REFRESH = "org.ipcscope.ui.process.commands.autoRefresh"; //$NON-NLS-1$

	private Commands() {
	}

	static void execute(IWorkbenchPartSite site, String command) {
		try {
			site.getService(IHandlerService.class).executeCommand(command, null);
		} catch (CommandException e) {
			// not enabled for this selection: a double-click on nothing to open
		}
	}
}
