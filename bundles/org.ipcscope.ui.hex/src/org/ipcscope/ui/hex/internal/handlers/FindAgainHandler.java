package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.HexEditor;

/** Finds the last pattern again, forward ({@code next}) or back ({@code previous}). */
public class FindAgainHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.commands().findAgain(!"previous".equals(value(event))); //$NON-NLS-1$
	}
}
