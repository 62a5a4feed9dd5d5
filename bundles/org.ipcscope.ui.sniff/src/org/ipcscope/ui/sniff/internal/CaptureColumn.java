package org.ipcscope.ui.sniff.internal;

/** A column of a capture table, as the table lays it out; its texts come from the view's label provider. */
public interface CaptureColumn {

	/** Characters of the payload a preview column shows. */
	int PREVIEW_CHARS = 64;

	/** @param chars width in characters of the table's font */
	record Layout(String title, int chars, int alignment) {
	}

	Layout layout();
}
