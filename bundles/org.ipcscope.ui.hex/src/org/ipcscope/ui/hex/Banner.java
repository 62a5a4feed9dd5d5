package org.ipcscope.ui.hex;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A message across the top of a view or editor (the object went away, it cannot be read) that
 * takes no room while hidden. The parent must use a GridLayout.
 */
public final class Banner {

	private final Label label;

	public Banner(Composite parent) {
		label = new Label(parent, SWT.WRAP);
		label.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
		label.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_INFO_FOREGROUND));
		GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(label);
		label.setVisible(false);
	}

	public void show(String text) {
		label.setText(text);
		setShown(true);
	}

	public void hide() {
		if (label.getVisible()) {
			setShown(false);
		}
	}

	/** @return the text shown, empty while hidden */
	public String text() {
		return label.getVisible() ? label.getText() : "";
	}

	private void setShown(boolean shown) {
		label.setVisible(shown);
		((GridData) label.getLayoutData()).exclude = !shown;
		label.getParent().layout(true, true);
	}
}
