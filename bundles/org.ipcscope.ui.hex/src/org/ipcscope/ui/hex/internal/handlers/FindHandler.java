package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.find.FindDialog;

/** Asks what to find and finds it from the caret. */
public class FindHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		FindDialog dialog = new FindDialog(HandlerUtil.getActiveShell(event));
		if (dialog.open() == Window.OK && dialog.pattern() != null) {
			editor.commands().find(dialog.pattern(), dialog.forward());
		}
	}
}
