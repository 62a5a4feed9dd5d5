package org.ipcscope.ui.hex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.ipcscope.core.hex.HexDumpFormat;
import org.ipcscope.core.hex.TextEncoding;

/**
 * A read-only hex dump of bytes held in memory (a captured message, a small buffer), painted
 * in the layout of {@code hexdump -C}: only the visible rows are formatted, all of them drawn
 * in one call, so a megabyte scrolls as smoothly as a line. For live memory regions use the hex
 * editor instead.
 */
public final class HexDumpView extends Canvas {

	private static final int BYTES_PER_ROW = 16;
	private static final int WHEEL_ROWS = 3;
	private static final BitSet NONE_UNREADABLE = new BitSet();

	private final int charWidth;
	private final int lineHeight;
	private byte[] bytes = new byte[0];
	private HexDumpFormat format = new HexDumpFormat(BYTES_PER_ROW, 0, TextEncoding.ASCII);
	private int topRow;
	private int leftPixels;

	public HexDumpView(Composite parent, int style) {
		super(parent, style | SWT.V_SCROLL | SWT.H_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		setFont(JFaceResources.getTextFont());
		GC gc = new GC(this);
		try {
			charWidth = gc.textExtent("0").x;
			lineHeight = gc.textExtent("0\n0", SWT.DRAW_DELIMITER).y - gc.textExtent("0", SWT.DRAW_DELIMITER).y;
		} finally {
			gc.dispose();
		}
		addListener(SWT.Paint, e -> paint(e.gc, getClientArea()));
		addListener(SWT.Resize, e -> updateScrollBars());
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.KeyDown, this::keyDown);
		addListener(SWT.Traverse, e -> e.doit = e.detail != SWT.TRAVERSE_RETURN);
		getVerticalBar().addListener(SWT.Selection, e -> setTopRow(getVerticalBar().getSelection()));
		getHorizontalBar().addListener(SWT.Selection, e -> {
			leftPixels = getHorizontalBar().getSelection();
			redraw();
		});
	}

	/** Shows these bytes from their start; the array is not copied and must not change. */
	public void setBytes(byte[] newBytes) {
		checkWidget();
		bytes = newBytes;
		format = new HexDumpFormat(BYTES_PER_ROW, Math.max(0, bytes.length - 1), TextEncoding.ASCII);
		topRow = 0;
		updateScrollBars();
		redraw();
	}

	public byte[] bytes() {
		return bytes;
	}

	public int rowCount() {
		return (bytes.length + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
	}

	public int topRow() {
		return topRow;
	}

	public void setTopRow(int row) {
		checkWidget();
		int newTop = Math.max(0, Math.min(row, rowCount() - fullRows()));
		if (newTop != topRow) {
			topRow = newTop;
			getVerticalBar().setSelection(topRow);
			redraw();
		}
	}

	/** @return the text of one row as painted: offset, 16 bytes in hex, the ASCII between bars */
	public String rowText(int row) {
		int from = row * BYTES_PER_ROW;
		return format.row(from, bytes, NONE_UNREADABLE, from, Math.min(BYTES_PER_ROW, bytes.length - from));
	}

	/** @return the rows painted now, top to bottom */
	public List<String> visibleRows() {
		List<String> rows = new ArrayList<>();
		int last = Math.min(rowCount(), topRow + fullRows() + 1);
		for (int row = topRow; row < last; row++) {
			rows.add(rowText(row));
		}
		return rows;
	}

	@Override
	public Point computeSize(int wHint, int hHint, boolean changed) {
		int width = wHint != SWT.DEFAULT ? wHint : (rowWidthChars() + 1) * charWidth;
		int height = hHint != SWT.DEFAULT ? hHint : 8 * lineHeight;
		Rectangle trim = computeTrim(0, 0, width, height);
		return new Point(trim.width, trim.height);
	}

	private int rowWidthChars() {
		return rowText(0).length() + (bytes.length == 0 ? 78 : 0);
	}

	private int fullRows() {
		return Math.max(1, getClientArea().height / lineHeight);
	}

	private void updateScrollBars() {
		ScrollBar vertical = getVerticalBar();
		int visible = fullRows();
		vertical.setValues(topRow, 0, Math.max(1, rowCount()), Math.max(1, Math.min(visible, rowCount())), 1,
				Math.max(1, visible - 1));
		ScrollBar horizontal = getHorizontalBar();
		int width = rowWidthChars() * charWidth;
		int client = Math.max(1, getClientArea().width);
		horizontal.setValues(Math.min(leftPixels, Math.max(0, width - client)), 0, Math.max(width, client),
				client, charWidth, client);
		leftPixels = horizontal.getSelection();
		setTopRow(topRow);
	}

	private void paint(GC gc, Rectangle area) {
		gc.setFont(getFont());
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
		gc.fillRectangle(area);
		int rows = Math.min(rowCount() - topRow, (area.height + lineHeight - 1) / lineHeight);
		StringBuilder text = new StringBuilder(rows * 80);
		for (int r = 0; r < rows; r++) {
			text.append(rowText(topRow + r)).append('\n');
		}
		gc.drawText(text.toString(), -leftPixels + charWidth / 2, 0, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
	}

	private void wheel(Event e) {
		e.doit = false;
		setTopRow(topRow - Integer.signum(e.count) * WHEEL_ROWS);
	}

	private void keyDown(Event e) {
		switch (e.keyCode) {
		case SWT.ARROW_DOWN -> setTopRow(topRow + 1);
		case SWT.ARROW_UP -> setTopRow(topRow - 1);
		case SWT.PAGE_DOWN -> setTopRow(topRow + Math.max(1, fullRows() - 1));
		case SWT.PAGE_UP -> setTopRow(topRow - Math.max(1, fullRows() - 1));
		case SWT.HOME -> setTopRow(0);
		case SWT.END -> setTopRow(rowCount());
		default -> {
			// other keys traverse or do nothing: the view is read-only
		}
		}
	}
}
