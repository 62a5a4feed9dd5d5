package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.struct.AttachedStruct.Node;

/** Remove Struct: takes the overlay of the selected field off the pane, and forgets it for this object. */
public class RemoveStructHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		Node node = editor.structure().selected();
		if (node != null) {
			editor.structure().remove(node.overlay());
		}
	}
}
