package org.ipcscope.ui.hex;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.core.search.BytePattern;

/**
 * A dialog that asks for a pattern with a {@link PatternField} under a prompt; the buttons that
 * need a pattern are enabled only while the entry is one. The hex editor's Find and the region
 * map's Search.
 */
public abstract class PatternDialog extends Dialog {

	private final String title;
	private final String prompt;
	private final String section;
	private PatternField field;
	private BytePattern pattern;

	/** @param section the name the entry is remembered under */
	protected PatternDialog(Shell parent, String title, String prompt, String section) {
		super(parent);
		this.title = title;
		this.prompt = prompt;
		this.section = section;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		new Label(area, SWT.NONE).setText(prompt);
		field = new PatternField(area, section, this::validate);
		return area;
	}

	/** @return the ids of the buttons that act on the pattern */
	protected abstract int[] patternButtons();

	/** Call once the buttons exist. */
	protected final void validate() {
		pattern = field.pattern();
		for (int id : patternButtons()) {
			Button button = getButton(id);
			if (button != null) {
				button.setEnabled(pattern != null);
			}
		}
	}

	/** @return the field, for tests */
	public PatternField field() {
		return field;
	}

	/** @return the pattern entered, or {@code null} */
	public BytePattern pattern() {
		return pattern;
	}
}
