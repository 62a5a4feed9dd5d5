package org.ipcscope.ui.traffic.internal;

import java.util.Map;

import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.traffic.TrafficRecord;

/**
 * The traffic table's texts and colours: one colour per direction, another for events and one
 * for failed calls. The colours are the theme's (plugin.xml defines them), so a dark theme or
 * the user's Colors and Fonts preferences change them.
 */
final class TrafficLabels extends LabelProvider implements ITableLabelProvider, ITableColorProvider {

	static final String COLOR_IN = "org.ipcscope.ui.traffic.in"; //$NON-NLS-1$
	static final String COLOR_OUT = "org.ipcscope.ui.traffic.out"; //$NON-NLS-1$
	static final String COLOR_EVENT = "org.ipcscope.ui.traffic.event"; //$NON-NLS-1$
	static final String COLOR_FAILED = "org.ipcscope.ui.traffic.failed"; //$NON-NLS-1$

	private final Map<Long, String> names;

	TrafficLabels(Map<Long, String> names) {
		this.names = names;
	}

	@Override
	public Image getColumnImage(Object element, int columnIndex) {
		return null;
	}

	@Override
	public String getColumnText(Object element, int columnIndex) {
		return element instanceof TrafficRecord r ? TrafficColumn.values()[columnIndex].text(r, names) : ""; //$NON-NLS-1$
	}

	@Override
	public Color getForeground(Object element, int columnIndex) {
		return element instanceof TrafficRecord r ? colors().get(colorOf(r)) : null;
	}

	@Override
	public Color getBackground(Object element, int columnIndex) {
		return null;
	}

	/** @return the id of the theme colour of a record's row */
	static String colorOf(TrafficRecord r) {
		if (r.failed()) {
			return COLOR_FAILED;
		}
		return switch (r.op().direction()) {
		case IN -> COLOR_IN;
		case OUT -> COLOR_OUT;
		case NONE -> COLOR_EVENT;
		};
	}

	static ColorRegistry colors() {
		return PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry();
	}
}
