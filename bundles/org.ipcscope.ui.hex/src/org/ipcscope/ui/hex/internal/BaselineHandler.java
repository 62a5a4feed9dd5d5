package org.ipcscope.ui.hex.internal;

import org.eclipse.core.commands.ExecutionEvent;

/** Takes a snapshot of the region as the baseline of "changes since". */
public class BaselineHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.commands().setBaseline();
	}
}
