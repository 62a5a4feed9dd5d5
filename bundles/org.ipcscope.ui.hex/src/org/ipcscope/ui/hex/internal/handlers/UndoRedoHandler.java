package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.HexEditor;

/** Undo and Redo of writes in the active hex editor; the writes are undone on the live object. */
public class UndoRedoHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		if ("org.eclipse.ui.edit.redo".equals(event.getCommand().getId())) { //$NON-NLS-1$
			editor.redo();
		} else {
			editor.undo();
		}
	}
}
