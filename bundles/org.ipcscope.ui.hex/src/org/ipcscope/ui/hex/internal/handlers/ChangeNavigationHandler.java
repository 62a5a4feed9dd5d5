package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.HexEditor;

/** Selects the next ({@code next}) or previous ({@code previous}) change since the baseline. */
public class ChangeNavigationHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.commands().goToChange(!"previous".equals(value(event))); //$NON-NLS-1$
	}
}
