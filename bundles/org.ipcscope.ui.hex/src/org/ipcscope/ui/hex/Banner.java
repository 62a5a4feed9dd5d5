package org.ipcscope.ui.hex;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

/**
 * A message across the top of a view or editor (the object went away, it cannot be read) that
 * takes no room while hidden. The parent must use a GridLayout. Its colours are the theme's
 * information colours (what hovers and the editors' banners use, dark in a dark theme); where a
 * theme pairs them badly (white on near white was seen) the text turns black or white, whichever
 * reads better on that background.
 */
public final class Banner {

	/** WCAG's minimum contrast for body text. */
	static final double READABLE = 4.5;

	private final Label label;

	public Banner(Composite parent) {
		label = new Label(parent, SWT.WRAP);
		Display display = parent.getDisplay();
		ColorRegistry colors = JFaceResources.getColorRegistry();
		Color background = colors.get(JFacePreferences.INFORMATION_BACKGROUND_COLOR);
		Color foreground = colors.get(JFacePreferences.INFORMATION_FOREGROUND_COLOR);
		if (background == null || foreground == null) {
			background = display.getSystemColor(SWT.COLOR_INFO_BACKGROUND);
			foreground = display.getSystemColor(SWT.COLOR_INFO_FOREGROUND);
		}
		if (contrast(foreground.getRGB(), background.getRGB()) < READABLE) {
			RGB black = new RGB(0, 0, 0);
			RGB white = new RGB(255, 255, 255);
			foreground = contrast(black, background.getRGB()) >= contrast(white, background.getRGB())
					? display.getSystemColor(SWT.COLOR_BLACK)
					: display.getSystemColor(SWT.COLOR_WHITE);
		}
		label.setBackground(background);
		label.setForeground(foreground);
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
		return label.getVisible() ? label.getText() : ""; //$NON-NLS-1$
	}

	/** @return the label, for tests that check how it reads */
	public Label label() {
		return label;
	}

	private void setShown(boolean shown) {
		label.setVisible(shown);
		((GridData) label.getLayoutData()).exclude = !shown;
		label.getParent().layout(true, true);
	}

	/** WCAG 2 contrast ratio of two colours, 1 (none) to 21 (black on white). */
	public static double contrast(RGB a, RGB b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(RGB rgb) {
		return 0.2126 * linear(rgb.red) + 0.7152 * linear(rgb.green) + 0.0722 * linear(rgb.blue);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}
}
