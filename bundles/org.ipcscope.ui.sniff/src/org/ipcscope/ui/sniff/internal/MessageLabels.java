package org.ipcscope.ui.sniff.internal;

import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.ipcscope.core.sniff.CapturedMessage;

/** The Sniffer table's texts; a cbData whose payload the cap cut is red. */
final class MessageLabels extends LabelProvider implements ITableLabelProvider, ITableColorProvider {

	@Override
	public Image getColumnImage(Object element, int columnIndex) {
		return null;
	}

	@Override
	public String getColumnText(Object element, int columnIndex) {
		return element instanceof CapturedMessage m ? MessageColumn.values()[columnIndex].text(m) : ""; //$NON-NLS-1$
	}

	@Override
	public Color getForeground(Object element, int columnIndex) {
		return element instanceof CapturedMessage m && m.isTruncated() && columnIndex == MessageColumn.CB_DATA.ordinal()
				? Display.getCurrent().getSystemColor(SWT.COLOR_DARK_RED)
				: null;
	}

	@Override
	public Color getBackground(Object element, int columnIndex) {
		return null;
	}
}
