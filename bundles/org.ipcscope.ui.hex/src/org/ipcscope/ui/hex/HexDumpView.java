package org.ipcscope.ui.hex;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.ipcscope.ui.hex.internal.ReadOnlyHex;

/**
 * A read-only hex view of bytes held in memory (a captured message, a small buffer): the hex
 * editor's canvas, painted, scrolled and selected as in the editor (Ctrl+C copies the selection
 * as hex), never written. Only the visible rows are formatted, so a megabyte scrolls as smoothly
 * as a line. For live memory regions use the hex editor instead.
 */
public final class HexDumpView extends Composite {

	private final ReadOnlyHex hex;

	public HexDumpView(Composite parent, int style) {
		super(parent, style);
		setLayout(new FillLayout());
		hex = new ReadOnlyHex(this);
	}

	/** Shows these bytes from their start; the array is not copied and must not change. */
	public void setBytes(byte[] newBytes) {
		checkWidget();
		hex.setBytes(newBytes);
	}

	public byte[] bytes() {
		return hex.bytes();
	}

	public long rowCount() {
		return hex.rowCount();
	}

	public long topRow() {
		return hex.topRow();
	}

	public void setTopRow(long row) {
		checkWidget();
		hex.setTopRow(row);
	}

	/** @return where the caret is, from the first byte */
	public long caret() {
		return hex.caret();
	}

	public long selectionStart() {
		return hex.selectionStart();
	}

	/** @return selected bytes; at least the caret's byte when there are any */
	public long selectionLength() {
		return hex.selectionLength();
	}

	/** Puts the selected bytes on the clipboard as hex (what Ctrl+C does). */
	public void copy() {
		checkWidget();
		hex.copy();
	}

	/** @return the text of one row as painted: offset, the bytes in hex, the text pane */
	public String rowText(long row) {
		return hex.rowText(row);
	}

	/** @return the rows painted now, top to bottom */
	public List<String> visibleRows() {
		return hex.visibleRows();
	}

	@Override
	public Point computeSize(int wHint, int hHint, boolean changed) {
		Point preferred = hex.preferredSize();
		int width = wHint != SWT.DEFAULT ? wHint : preferred.x;
		int height = hHint != SWT.DEFAULT ? hHint : preferred.y;
		Rectangle trim = computeTrim(0, 0, width, height);
		return new Point(trim.width, trim.height);
	}
}
