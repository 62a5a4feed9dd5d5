package org.ipcscope.ui.process.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.ui.hex.PatternField;

/** Asks what to search a process's memory for: a kind (text by default) beside a plain field. */
final class SearchDialog extends Dialog {

	private final long pid;
	private PatternField field;
	private BytePattern pattern;

	SearchDialog(Shell parent, long pid) {
		super(parent);
		this.pid = pid;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Search_Title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		new Label(area, SWT.NONE).setText(NLS.bind(Messages.Search_Prompt, pid));
		field = new PatternField(area, "searchProcess", this::validate);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setText(Messages.Search_Button);
		validate();
	}

	private void validate() {
		pattern = field.pattern();
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(pattern != null);
		}
	}

	@Override
	protected void okPressed() {
		field.remember();
		super.okPressed();
	}

	PatternField field() {
		return field;
	}

	/** @return what to search for, after OK */
	BytePattern pattern() {
		return pattern;
	}
}
