package org.ipcscope.ui.internal.views;

import java.util.List;

import org.ipcscope.core.change.TrackedObject;

/** Rows as the columns show them, tab-separated with a header line, for the clipboard. */
final class RowText {

	private RowText() {
	}

	static String tabSeparated(List<TrackedObject> rows) {
		StringBuilder text = new StringBuilder();
		for (ObjectColumn column : ObjectColumn.values()) {
			text.append(column.ordinal() == 0 ? "" : "\t").append(column.title); //$NON-NLS-1$ //$NON-NLS-2$
		}
		text.append(System.lineSeparator());
		for (TrackedObject row : rows) {
			for (ObjectColumn column : ObjectColumn.values()) {
				text.append(column.ordinal() == 0 ? "" : "\t").append(column.text.apply(row.object()).replace('\t', ' ')); //$NON-NLS-1$ //$NON-NLS-2$
			}
			text.append(System.lineSeparator());
		}
		return text.toString();
	}
}
