package org.ipcscope.ui.process.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.ui.hex.PatternDialog;

/** Asks what to search a process's memory for: a kind (text by default) beside a plain field. */
final class SearchDialog extends PatternDialog {

	SearchDialog(Shell parent, long pid) {
		super(parent, Messages.Search_Title, NLS.bind(Messages.Search_Prompt, pid), "searchProcess"); //$NON-NLS-1$
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setText(Messages.Search_Button);
		validate();
	}

	@Override
	protected int[] patternButtons() {
		return new int[] { IDialogConstants.OK_ID };
	}

	@Override
	protected void okPressed() {
		field().remember();
		super.okPressed();
	}
}
