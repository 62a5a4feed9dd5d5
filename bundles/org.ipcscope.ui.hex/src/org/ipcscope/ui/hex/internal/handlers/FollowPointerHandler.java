package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.struct.AttachedStruct.Node;
import org.ipcscope.ui.hex.internal.struct.PointerFollow;

/** Follow Pointer: moves the caret to where the selected pointer field points, in a process's memory. */
public class FollowPointerHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		Node node = editor.structure().selected();
		if (node != null) {
			PointerFollow.follow(editor.structure(), node);
		}
	}
}
