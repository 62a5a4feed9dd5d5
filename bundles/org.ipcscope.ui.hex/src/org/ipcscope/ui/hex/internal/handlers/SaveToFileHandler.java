package org.ipcscope.ui.hex.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;

/** Saves the selection ({@code selection}) or the whole region ({@code region}) to a file. */
public class SaveToFileHandler extends HexEditorHandler {

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		boolean selection = "selection".equals(value(event)); //$NON-NLS-1$
		FileDialog dialog = new FileDialog(HandlerUtil.getActiveShell(event), SWT.SAVE);
		dialog.setText(selection ? Messages.Save_SelectionTitle : Messages.Save_RegionTitle);
		dialog.setFileName(editor.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			editor.commands().save(Path.of(file), selection);
		}
	}
}
