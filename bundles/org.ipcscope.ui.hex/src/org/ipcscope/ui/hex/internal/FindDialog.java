package org.ipcscope.ui.hex.internal;

import java.nio.charset.StandardCharsets;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.search.BytePattern;

/**
 * Asks what to find: hex bytes with {@code ??} wildcards, text (UTF-8) or UTF-16LE text, and
 * the direction. Remembers the last entry for the session.
 */
final class FindDialog extends Dialog {

	/** How the entered text is read. */
	enum Kind {
		HEX, TEXT, UTF16
	}

	static final int FIND_NEXT = IDialogConstants.CLIENT_ID + 1;
	static final int FIND_PREVIOUS = IDialogConstants.CLIENT_ID + 2;

	private static String lastText = "";
	private static Kind lastKind = Kind.HEX;

	private Text text;
	private Button[] kinds;
	private Label error;
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
		text = new Text(area, SWT.BORDER | SWT.SINGLE);
		text.setText(lastText);
		text.selectAll();
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
		Group group = new Group(area, SWT.NONE);
		group.setText(Messages.Find_As);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
		String[] labels = { Messages.Find_Hex, Messages.Find_Text, Messages.Find_Utf16 };
		kinds = new Button[labels.length];
		for (int i = 0; i < labels.length; i++) {
			kinds[i] = new Button(group, SWT.RADIO);
			kinds[i].setText(labels[i]);
			kinds[i].setSelection(lastKind.ordinal() == i);
			kinds[i].addListener(SWT.Selection, e -> validate());
		}
		error = new Label(area, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(error);
		text.addModifyListener(e -> validate());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, FIND_NEXT, Messages.Find_Next, true);
		createButton(parent, FIND_PREVIOUS, Messages.Find_Previous, false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate();
	}

	private Kind kind() {
		for (int i = 0; i < kinds.length; i++) {
			if (kinds[i].getSelection()) {
				return Kind.values()[i];
			}
		}
		return Kind.HEX;
	}

	private void validate() {
		try {
			pattern = parse(text.getText(), kind());
			error.setText("");
		} catch (IllegalArgumentException e) {
			pattern = null;
			error.setText(text.getText().isEmpty() ? "" : e.getMessage());
		}
		for (int id : new int[] { FIND_NEXT, FIND_PREVIOUS }) {
			Button button = getButton(id);
			if (button != null) {
				button.setEnabled(pattern != null);
			}
		}
	}

	static BytePattern parse(String entered, Kind kind) {
		return switch (kind) {
		case HEX -> BytePattern.hex(entered);
		case TEXT -> BytePattern.text(entered, StandardCharsets.UTF_8);
		case UTF16 -> BytePattern.utf16le(entered);
		};
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == FIND_NEXT || buttonId == FIND_PREVIOUS) {
			forward = buttonId == FIND_NEXT;
			lastText = text.getText();
			lastKind = kind();
			setReturnCode(OK);
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	BytePattern pattern() {
		return pattern;
	}

	boolean forward() {
		return forward;
	}
}
