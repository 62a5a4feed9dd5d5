package org.ipcscope.ui.hex.internal;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.AttachedStruct.Node;

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
