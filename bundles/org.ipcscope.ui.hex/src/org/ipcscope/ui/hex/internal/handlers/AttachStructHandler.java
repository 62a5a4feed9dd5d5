package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.struct.AttachStructDialog;
import org.ipcscope.ui.hex.internal.struct.StructurePane;

/** Attach Struct...: asks for a header, a type and an offset, and lays the type over the memory. */
public class AttachStructHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		AttachStructDialog dialog = new AttachStructDialog(HandlerUtil.getActiveShell(event), editor.caret(),
				StructurePane.defaultAbi());
		if (dialog.open() == Window.OK) {
			editor.structure().attach(dialog.choice());
		}
	}
}
