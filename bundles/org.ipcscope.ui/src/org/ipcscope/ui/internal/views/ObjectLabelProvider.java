package org.ipcscope.ui.internal.views;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.RGB;
import org.ipcscope.core.change.Change;
import org.ipcscope.core.change.TrackedObject;

/** Text of one column; colours rows by their change mark, fading as the mark ages. */
final class ObjectLabelProvider extends ColumnLabelProvider {

	private static final RGB ADDED = new RGB(200, 240, 200);
	private static final RGB CHANGED = new RGB(255, 236, 170);
	private static final RGB REMOVED = new RGB(150, 150, 150);
	private static final RGB WHITE = new RGB(255, 255, 255);

	private final ObjectColumn column;
	private final ResourceManager resources;
	private final int keep;

	ObjectLabelProvider(ObjectColumn column, ResourceManager resources, int keep) {
		this.column = column;
		this.resources = resources;
		this.keep = keep;
	}

	@Override
	public String getText(Object element) {
		if (element instanceof RowGroup group) {
			return column == ObjectColumn.NAME ? group.label() : ""; //$NON-NLS-1$
		}
		return column.text.apply(((TrackedObject) element).object());
	}

	@Override
	public String getToolTipText(Object element) {
		return element instanceof TrackedObject row ? row.object().problem() : null;
	}

	@Override
	public Color getBackground(Object element) {
		if (element instanceof TrackedObject row) {
			if (row.change() == Change.ADDED) {
				return fade(ADDED, row.age());
			}
			if (row.change() == Change.CHANGED) {
				return fade(CHANGED, row.age());
			}
		}
		return null;
	}

	@Override
	public Color getForeground(Object element) {
		return element instanceof TrackedObject row && row.change() == Change.REMOVED
				? resources.create(ColorDescriptor.createFrom(REMOVED))
				: null;
	}

	@Override
	public Font getFont(Object element) {
		if (element instanceof TrackedObject row && row.change() == Change.REMOVED) {
			return resources.create(FontDescriptor.createFrom(JFaceResources.getDefaultFont()).setStyle(SWT.ITALIC));
		}
		return element instanceof RowGroup ? JFaceResources.getBannerFont() : null;
	}

	/** Blends the mark towards white as it ages, so that fresh changes stand out. */
	private Color fade(RGB mark, int age) {
		double strength = 1.0 - (double) age / keep;
		RGB rgb = new RGB(blend(mark.red, WHITE.red, strength), blend(mark.green, WHITE.green, strength),
				blend(mark.blue, WHITE.blue, strength));
		return resources.create(ColorDescriptor.createFrom(rgb));
	}

	private static int blend(int mark, int white, double strength) {
		return (int) Math.round(white + (mark - white) * strength);
	}
}
