package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.ui.hex.internal.HexEditor;

/** Copies the selection as hex (plain Copy), a C array, a Java byte[] or base64. */
public class CopyAsHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		String format = value(event);
		editor.commands().copy(format == null ? CopyFormat.HEX : CopyFormat.fromId(format));
	}
}
