package org.ipcscope.ui.hex.internal.handlers;

import java.util.Map;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.menus.UIElement;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;

/**
 * Allows writing in the active editor after the user confirmed that writes reach every process
 * mapping the object; or makes it read-only again.
 */
public class AllowWritingHandler extends HexEditorHandler implements IElementUpdater {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		if (editor.isWritingEnabled()) {
			editor.setWritingEnabled(false);
		} else if (MessageDialog.openConfirm(HandlerUtil.getActiveShell(event), Messages.AllowWriting_Title,
				editor.memoryInput().writeWarning())) {
			editor.setWritingEnabled(true);
		}
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		HexEditor editor = editorOf(element);
		if (editor != null) {
			element.setChecked(editor.isWritingEnabled());
		}
	}
}
