package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.HexEditor;

/** Lists the differences between the baseline and a snapshot taken now. */
public class CompareHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.commands().compareWithBaseline();
	}
}
