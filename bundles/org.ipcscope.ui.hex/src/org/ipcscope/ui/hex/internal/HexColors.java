package org.ipcscope.ui.hex.internal;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The hex view's colours, made through the part's resource manager: the theme's list colours,
 * and marks blended into the background so that the text stays readable. A change fades from
 * full orange (this refresh) to a faint tint (the oldest remembered refresh).
 */
public final class HexColors {

	private static final RGB CHANGE = new RGB(255, 150, 40);
	private static final RGB BASELINE = new RGB(120, 170, 255);

	final Color background;
	final Color foreground;
	final Color address;
	final Color unreadable;
	final Color selection;
	final Color baseline;
	final Color caret;
	private final ResourceManager resources;
	private Color[] heat = new Color[0];

	public HexColors(Display display, ResourceManager resources) {
		this.resources = resources;
		background = display.getSystemColor(SWT.COLOR_LIST_BACKGROUND);
		foreground = display.getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		RGB back = background.getRGB();
		address = color(blend(back, foreground.getRGB(), 0.55));
		unreadable = color(blend(back, foreground.getRGB(), 0.4));
		selection = color(blend(back, display.getSystemColor(SWT.COLOR_LIST_SELECTION).getRGB(), 0.35));
		baseline = color(blend(back, BASELINE, 0.35));
		caret = foreground;
	}

	/** @return the mark of a change {@code age} refreshes old, of a history {@code depth} deep */
	public Color change(int age, int depth) {
		if (heat.length != depth) {
			heat = new Color[depth];
			for (int i = 0; i < depth; i++) {
				double strength = 0.85 * (depth - i) / depth + 0.1;
				heat[i] = color(blend(background.getRGB(), CHANGE, strength));
			}
		}
		return heat[Math.max(0, Math.min(depth - 1, age))];
	}

	private Color color(RGB rgb) {
		return resources.create(ColorDescriptor.createFrom(rgb));
	}

	static RGB blend(RGB from, RGB to, double amount) {
		return new RGB(mix(from.red, to.red, amount), mix(from.green, to.green, amount),
				mix(from.blue, to.blue, amount));
	}

	private static int mix(int a, int b, double amount) {
		return (int) Math.round(a + (b - a) * amount);
	}
}
