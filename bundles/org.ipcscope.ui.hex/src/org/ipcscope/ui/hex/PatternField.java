package org.ipcscope.ui.hex;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.ui.hex.internal.Messages;
import org.osgi.framework.FrameworkUtil;

/**
 * What to look for, as a user enters it: a kind (text, hex bytes, an integer of a width and byte
 * order) chosen beside a plain field, so that typing never has to keep a prefix alive; and, below,
 * why the entry is no pattern, wrapped so it is never cut off. The kind and the entry are remembered
 * per dialog between sessions. Patterns are made by {@link PatternSyntax}, as the command line makes them.
 */
public final class PatternField {

	/** A kind of entry: its label and the command line's prefix. */
	public record Kind(String label, String prefix) {
	}

	/** The kinds offered, in order; the first is the default. */
	public static final List<Kind> KINDS = List.of(new Kind(Messages.Pattern_Text, "text"), //$NON-NLS-1$
			new Kind(Messages.Pattern_Hex, "hex"), new Kind(Messages.Pattern_Ascii, "ascii"), //$NON-NLS-1$ //$NON-NLS-2$
			new Kind(Messages.Pattern_Utf16, "utf16"), new Kind(Messages.Pattern_Int8, "int8"), //$NON-NLS-1$ //$NON-NLS-2$
			new Kind(Messages.Pattern_Int16, "int16"), new Kind(Messages.Pattern_Int16Be, "int16be"), //$NON-NLS-1$ //$NON-NLS-2$
			new Kind(Messages.Pattern_Int32, "int32"), new Kind(Messages.Pattern_Int32Be, "int32be"), //$NON-NLS-1$ //$NON-NLS-2$
			new Kind(Messages.Pattern_Int64, "int64"), new Kind(Messages.Pattern_Int64Be, "int64be")); //$NON-NLS-1$ //$NON-NLS-2$

	private static final String KIND = "kind"; //$NON-NLS-1$
	private static final String ENTRY = "entry"; //$NON-NLS-1$
	/** Wide enough for the longest message in one or two lines. */
	private static final int WIDTH = 420;

	private final IDialogSettings settings;
	private final Combo kind;
	private final Text entry;
	private final Label error;
	private final Runnable changed;
	private BytePattern pattern;

	/**
	 * @param section the dialog's name in the remembered settings
	 * @param changed told after each change, when {@link #pattern()} may have changed
	 */
	public PatternField(Composite parent, String section, Runnable changed) {
		this.changed = changed;
		IDialogSettings all = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(PatternField.class))
				.getDialogSettings();
		IDialogSettings own = all.getSection(section);
		settings = own != null ? own : all.addNewSection(section);
		Composite row = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(row);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		kind = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
		KINDS.forEach(k -> kind.add(k.label()));
		kind.select(Math.max(0, indexOf(settings.get(KIND))));
		entry = new Text(row, SWT.BORDER | SWT.SINGLE);
		GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(entry);
		String last = settings.get(ENTRY);
		entry.setText(last == null ? "" : last); //$NON-NLS-1$
		entry.selectAll();
		error = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(WIDTH, SWT.DEFAULT).applyTo(error);
		kind.addListener(SWT.Selection, e -> {
			update();
			changed.run();
			entry.setFocus();
		});
		entry.addListener(SWT.Modify, e -> {
			update();
			changed.run();
		});
		update();
		entry.setFocus();
	}

	private static int indexOf(String prefix) {
		for (int i = 0; i < KINDS.size(); i++) {
			if (KINDS.get(i).prefix().equals(prefix)) {
				return i;
			}
		}
		return -1;
	}

	private void update() {
		String message = ""; //$NON-NLS-1$
		try {
			pattern = PatternSyntax.parse(spec());
		} catch (IllegalArgumentException e) {
			pattern = null;
			message = entry.getText().isEmpty() ? "" : e.getMessage(); //$NON-NLS-1$
		}
		if (!message.equals(error.getText())) {
			error.setText(message);
			// a longer message takes more lines: the dialog grows rather than cut it
			error.getShell().layout(true, true);
			int needed = error.getShell().computeSize(error.getShell().getSize().x, SWT.DEFAULT).y;
			if (needed > error.getShell().getSize().y && error.getShell().isVisible()) {
				error.getShell().setSize(error.getShell().getSize().x, needed);
			}
		}
	}

	/** @return the entry in the command line's syntax, {@code kind:entry} */
	public String spec() {
		return KINDS.get(kind.getSelectionIndex()).prefix() + ":" + entry.getText(); //$NON-NLS-1$
	}

	/** @return the pattern entered, or {@code null} when the entry is none (then {@link #error()} says why) */
	public BytePattern pattern() {
		return pattern;
	}

	/** @return why the entry is no pattern, or "" */
	public String error() {
		return error.getText();
	}

	/** Remembers the kind and the entry for the next time this dialog opens. */
	public void remember() {
		settings.put(KIND, KINDS.get(kind.getSelectionIndex()).prefix());
		settings.put(ENTRY, entry.getText());
	}

	/** @return the line that says why the entry is no pattern */
	public Label errorLabel() {
		return error;
	}
}
