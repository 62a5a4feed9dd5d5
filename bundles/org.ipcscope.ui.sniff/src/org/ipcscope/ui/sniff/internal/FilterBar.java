package org.ipcscope.ui.sniff.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** A row of labelled search fields above a capture table; every keystroke re-filters. */
public final class FilterBar extends Composite {

	/** @param weight how wide the field is, in tens of pixels */
	public record Field(String label, String hint, int weight) {
	}

	private final Text[] fields;

	public FilterBar(Composite parent, Runnable changed, Field... specs) {
		super(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2 * specs.length).applyTo(this);
		fields = new Text[specs.length];
		for (int i = 0; i < specs.length; i++) {
			new Label(this, SWT.NONE).setText(specs[i].label());
			Text text = new Text(this, SWT.SEARCH | SWT.ICON_CANCEL);
			text.setMessage(specs[i].hint());
			text.setToolTipText(specs[i].hint());
			GridDataFactory.fillDefaults().grab(true, false).hint(specs[i].weight() * 10, SWT.DEFAULT).applyTo(text);
			text.addModifyListener(e -> changed.run());
			fields[i] = text;
		}
	}

	/** @param index in the order the fields were given */
	public Text field(int index) {
		return fields[index];
	}

	/** @return every field's text, in order */
	public String[] texts() {
		String[] texts = new String[fields.length];
		for (int i = 0; i < fields.length; i++) {
			texts[i] = fields[i].getText();
		}
		return texts;
	}

	/** A field the filter cannot read turns red and says why in its tool tip; null makes it plain again. */
	public void mark(int index, String problem) {
		Text field = fields[index];
		field.setBackground(problem == null ? null : field.getDisplay().getSystemColor(SWT.COLOR_RED));
		field.setForeground(problem == null ? null : field.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		field.setToolTipText(problem == null ? field.getMessage() : problem);
	}
}
