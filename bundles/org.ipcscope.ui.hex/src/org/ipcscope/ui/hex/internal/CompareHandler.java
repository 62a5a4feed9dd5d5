package org.ipcscope.ui.hex.internal;

import org.eclipse.core.commands.ExecutionEvent;

/** Lists the differences between the baseline and a snapshot taken now. */
public class CompareHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.commands().compareWithBaseline();
	}
}
