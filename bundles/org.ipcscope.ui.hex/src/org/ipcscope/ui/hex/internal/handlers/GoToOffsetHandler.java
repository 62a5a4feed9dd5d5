package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.hex.OffsetExpression;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;

/** Asks for an offset, e.g. {@code 0x100+20} or {@code $+16}, and moves the caret there. */
public class GoToOffsetHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		long caret = editor.caret();
		long size = editor.canvas().regionSize();
		InputDialog dialog = new InputDialog(HandlerUtil.getActiveShell(event), Messages.GoTo_Title,
				NLS.bind(Messages.GoTo_Message, HexEditor.formatOffset(Math.max(0, size - 1))), "", //$NON-NLS-1$
				text -> validate(text, caret, size));
		if (dialog.open() == Window.OK) {
			editor.goTo(OffsetExpression.evaluate(dialog.getValue(), caret));
		}
	}

	/** @return why the text is no offset in the region, or {@code null} if it is one */
	public static String validate(String text, long caret, long size) {
		if (text.isBlank()) {
			return ""; //$NON-NLS-1$
		}
		try {
			long offset = OffsetExpression.evaluate(text, caret);
			if (offset < 0 || offset >= size) {
				return NLS.bind(Messages.GoTo_OutOfRange,
						new Object[] { HexEditor.formatOffset(offset), offset, HexEditor.formatOffset(Math.max(0, size - 1)) });
			}
			return null;
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}
}
