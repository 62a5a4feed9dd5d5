package org.ipcscope.ui.hex.internal.handlers;

import java.util.Map;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.menus.UIElement;
import org.ipcscope.ui.hex.internal.HexEditor;

/** Pauses or resumes the active editor's refresh; the item shows that editor's state. */
public class AutoRefreshHandler extends HexEditorHandler implements IElementUpdater {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		editor.view().setAutoRefresh(!editor.view().isAutoRefresh());
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		HexEditor editor = editorOf(element);
		if (editor != null) {
			element.setChecked(editor.view().isAutoRefresh());
		}
	}
}
