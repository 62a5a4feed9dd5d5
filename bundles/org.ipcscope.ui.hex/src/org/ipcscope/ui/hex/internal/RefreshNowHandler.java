package org.ipcscope.ui.hex.internal;

import org.eclipse.core.commands.ExecutionEvent;

/** Reads the visible rows now, even while paused. */
public class RefreshNowHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.refreshNow();
	}
}
