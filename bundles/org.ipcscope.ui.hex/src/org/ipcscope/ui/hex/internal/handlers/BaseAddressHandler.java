package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.hex.OffsetExpression;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;

/** Sets where the region starts for absolute offsets (where some process maps it) and shows them. */
public class BaseAddressHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		InputDialog dialog = new InputDialog(HandlerUtil.getActiveShell(event), Messages.BaseAddress_Title,
				Messages.BaseAddress_Message, HexEditor.formatOffset(editor.settings().baseAddress), text -> {
					try {
						return OffsetExpression.evaluate(text) < 0 ? Messages.BaseAddress_Negative : null;
					} catch (IllegalArgumentException e) {
						return e.getMessage();
					}
				});
		if (dialog.open() == Window.OK) {
			editor.view().setBaseAddress(OffsetExpression.evaluate(dialog.getValue()));
			editor.view().setAbsoluteOffsets(true);
		}
	}
}
