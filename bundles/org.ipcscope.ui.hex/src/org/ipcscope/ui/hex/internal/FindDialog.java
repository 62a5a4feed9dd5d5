package org.ipcscope.ui.hex.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.ui.hex.PatternField;

/**
 * Asks what to find (text by default, hex bytes with {@code ??} wildcards, integers...) and the
 * direction. Remembers the last kind and entry.
 */
final class FindDialog extends Dialog {

	static final int FIND_NEXT = IDialogConstants.CLIENT_ID + 1;
	static final int FIND_PREVIOUS = IDialogConstants.CLIENT_ID + 2;

	private PatternField field;
	private BytePattern pattern;
	private boolean forward = true;

	FindDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Find_Title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		new Label(area, SWT.NONE).setText(Messages.Find_Label);
		field = new PatternField(area, "find", this::validate);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, FIND_NEXT, Messages.Find_Next, true);
		createButton(parent, FIND_PREVIOUS, Messages.Find_Previous, false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate();
	}

	private void validate() {
		pattern = field.pattern();
		for (int id : new int[] { FIND_NEXT, FIND_PREVIOUS }) {
			Button button = getButton(id);
			if (button != null) {
				button.setEnabled(pattern != null);
			}
		}
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == FIND_NEXT || buttonId == FIND_PREVIOUS) {
			forward = buttonId == FIND_NEXT;
			field.remember();
			setReturnCode(OK);
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	PatternField field() {
		return field;
	}

	BytePattern pattern() {
		return pattern;
	}

	boolean forward() {
		return forward;
	}
}
