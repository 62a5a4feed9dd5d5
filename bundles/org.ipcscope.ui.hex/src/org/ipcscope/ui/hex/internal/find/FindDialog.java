package org.ipcscope.ui.hex.internal.find;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.ui.hex.PatternDialog;
import org.ipcscope.ui.hex.internal.Messages;

/**
 * Asks what to find (text by default, hex bytes with {@code ??} wildcards, integers...) and the
 * direction. Remembers the last kind and entry.
 */
public final class FindDialog extends PatternDialog {

	static final int FIND_NEXT = IDialogConstants.CLIENT_ID + 1;
	static final int FIND_PREVIOUS = IDialogConstants.CLIENT_ID + 2;

	private boolean forward = true;

	public FindDialog(Shell parent) {
		super(parent, Messages.Find_Title, Messages.Find_Label, "find"); //$NON-NLS-1$
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, FIND_NEXT, Messages.Find_Next, true);
		createButton(parent, FIND_PREVIOUS, Messages.Find_Previous, false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate();
	}

	@Override
	protected int[] patternButtons() {
		return new int[] { FIND_NEXT, FIND_PREVIOUS };
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == FIND_NEXT || buttonId == FIND_PREVIOUS) {
			forward = buttonId == FIND_NEXT;
			field().remember();
			setReturnCode(OK);
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	public boolean forward() {
		return forward;
	}
}
