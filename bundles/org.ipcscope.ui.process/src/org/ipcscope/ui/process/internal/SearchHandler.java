package org.ipcscope.ui.process.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.search.PatternSyntax;

/** Search Memory...: asks for a pattern in the command line's syntax, then searches the process in a job. */
public class SearchHandler extends AbstractHandler {

	/** The last pattern, offered again. */
	private static String last = "text:";

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof RegionMapView view) {
			InputDialog dialog = new InputDialog(HandlerUtil.getActiveShell(event), Messages.Search_Title,
					NLS.bind(Messages.Search_Prompt, view.pid(), PatternSyntax.HELP), last, SearchHandler::validate);
			if (dialog.open() == Window.OK) {
				last = dialog.getValue();
				view.search(PatternSyntax.parse(last));
			}
		}
		return null;
	}

	private static String validate(String text) {
		try {
			PatternSyntax.parse(text);
			return null;
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}
}
