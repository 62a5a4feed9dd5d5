package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.HexEditor;

/** Takes a snapshot of the region as the baseline of "changes since". */
public class BaselineHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.commands().setBaseline();
	}
}
