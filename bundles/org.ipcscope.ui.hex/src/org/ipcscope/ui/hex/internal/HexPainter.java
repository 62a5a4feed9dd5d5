package org.ipcscope.ui.hex.internal;

import java.util.BitSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.ui.hex.internal.HexLayout.Pane;

/**
 * Paints the hex view's visible rows: offsets, hex and text a column at a time, marks as runs of
 * one colour, unreadable bytes and the caret. Reads the canvas's geometry and the caret model; it
 * keeps only how long it took.
 */
final class HexPainter {

	private final HexCanvas canvas;
	private final HexSettings settings;
	private final CaretModel caret;
	private final HexColors colors;
	private long lastPaintNanos;
	private long paints;
	// the canvas's geometry, taken at the start of each paint
	private HexLayout layout;
	private int charWidth;
	private int lineHeight;
	private long topRow;
	private long size;
	private Frame frame;

	HexPainter(HexCanvas canvas, HexSettings settings, CaretModel caret, HexColors colors) {
		this.canvas = canvas;
		this.settings = settings;
		this.caret = caret;
		this.colors = colors;
	}

	/** @return nanoseconds the last paint took, for the status line and the benchmark */
	long lastPaintNanos() {
		return lastPaintNanos;
	}

	/**
	 * Paints the visible rows into {@code gc}; also used by the benchmark on an image. Text is drawn
	 * a column at a time (offsets, hex, text: three calls for the whole window), marks as runs of
	 * one colour, so that the cost hardly depends on how many bytes changed.
	 */
	void paint(GC gc, Rectangle area) {
		long start = System.nanoTime();
		layout = canvas.hexLayout();
		charWidth = canvas.charWidth();
		lineHeight = canvas.lineHeight();
		topRow = canvas.topRow();
		size = canvas.regionSize();
		frame = canvas.frame();
		gc.setFont(canvas.getFont());
		gc.setBackground(colors.background);
		gc.fillRectangle(area);
		int x = -canvas.leftPixels();
		int rows = (int) Math.max(0, Math.min((area.height + lineHeight - 1) / lineHeight, canvas.rows() - topRow));
		StringBuilder addresses = new StringBuilder(rows * (layout.addressChars() + 1));
		StringBuilder hex = new StringBuilder(rows * (layout.hexWidth() + 1));
		StringBuilder text = new StringBuilder(rows * (layout.textWidth() + 1));
		for (int r = 0; r < rows; r++) {
			long rowOffset = (topRow + r) * layout.bytesPerRow();
			int count = (int) Math.min(layout.bytesPerRow(), size - rowOffset);
			addresses.append(address((settings.absoluteOffsets ? settings.baseAddress : 0) + rowOffset)).append('\n');
			Viewport viewport = frame == null ? null : frame.viewport();
			int from = viewport != null && viewport.covers(rowOffset) ? (int) (rowOffset - viewport.offset()) : -1;
			int readCount = from < 0 ? 0 : Math.min(count, viewport.length() - from);
			paintMarks(gc, marks(viewport, rowOffset, from, readCount, count), x, r * lineHeight);
			if (readCount > 0) {
				hex.append(layout.hexText(viewport.bytes(), viewport.unreadable(), from, readCount).replace('?', ' '));
				int textStart = text.length();
				int cells = settings.encoding.bytesPerCell() == 1 ? readCount : readCount / 2 * 2;
				settings.encoding.render(viewport.bytes(), viewport.unreadable(), from, cells, text);
				if (!isNarrow(text, textStart)) {
					// wider glyphs would shift the cells after them: this row goes one cell at a time
					paintCells(gc, text.substring(textStart), x + layout.textStart() * charWidth, r * lineHeight);
					text.setLength(textStart);
				}
			}
			hex.append('\n');
			text.append('\n');
		}
		int flags = SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT;
		gc.setForeground(colors.address);
		gc.drawText(addresses.toString(), x, 0, flags);
		gc.setForeground(colors.foreground);
		gc.drawText(hex.toString(), x + layout.hexStart() * charWidth, 0, flags);
		gc.drawText(text.toString(), x + layout.textStart() * charWidth, 0, flags);
		for (int r = 0; r < rows; r++) {
			long rowOffset = (topRow + r) * layout.bytesPerRow();
			int count = (int) Math.min(layout.bytesPerRow(), size - rowOffset);
			paintUnreadable(gc, rowOffset, count, x, r * lineHeight);
			paintCaret(gc, rowOffset, count, x, r * lineHeight);
		}
		lastPaintNanos = System.nanoTime() - start;
		paints++;
	}

	/** @return paints so far, to tell a new {@link #lastPaintNanos()} from the previous one */
	long paints() {
		return paints;
	}

	private static boolean isNarrow(StringBuilder text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) >= 0x100) {
				return false;
			}
		}
		return true;
	}

	private void paintCells(GC gc, String cells, int left, int y) {
		gc.setForeground(colors.foreground);
		for (int i = 0; i < cells.length(); i++) {
			gc.drawString(String.valueOf(cells.charAt(i)), left + i * charWidth, y, true);
		}
	}

	/** @return the mark of each byte of a row: selection, change (by age), change since the baseline, or none */
	private Color[] marks(Viewport viewport, long rowOffset, int from, int readCount, int count) {
		Color[] marks = new Color[count];
		BitSet sinceBaseline = frame == null ? null : frame.sinceBaseline();
		boolean anySelection = caret.selectionLength() > 1;
		for (int i = 0; i < count; i++) {
			if (anySelection && caret.isSelected(rowOffset + i)) {
				marks[i] = colors.selection;
			} else if (i < readCount && viewport.isChanged(from + i)) {
				marks[i] = colors.change(viewport.ages()[from + i], viewport.depth());
			} else if (i < readCount && sinceBaseline.get(from + i)) {
				marks[i] = colors.baseline;
			}
		}
		return marks;
	}

	/** Fills runs of one mark: in the hex pane in display order, gaps between marked bytes included. */
	private void paintMarks(GC gc, Color[] marks, int x, int y) {
		int count = marks.length;
		int perRow = layout.bytesPerRow();
		int[] byColumn = new int[count];
		int shown = 0;
		for (int column = 0; column < perRow; column++) {
			int index = layout.indexAtDisplayPosition(column);
			if (index < count) {
				byColumn[shown++] = index;
			}
		}
		for (int k = 0; k < shown;) {
			Color mark = marks[byColumn[k]];
			int end = k + 1;
			// neighbours on screen: the same group (2 columns apart) or the next one (3)
			while (end < shown && marks[byColumn[end]] == mark
					&& layout.hexColumn(byColumn[end]) - layout.hexColumn(byColumn[end - 1]) <= 3) {
				end++;
			}
			if (mark != null) {
				int left = layout.hexColumn(byColumn[k]);
				int right = layout.hexColumn(byColumn[end - 1]) + 2;
				gc.setBackground(mark);
				gc.fillRectangle(x + left * charWidth, y, (right - left) * charWidth, lineHeight);
			}
			k = end;
		}
		int perCell = settings.encoding.bytesPerCell();
		for (int cell = 0; cell * perCell < count;) {
			Color mark = cellMark(marks, cell, perCell);
			int end = cell + 1;
			while (end * perCell < count && cellMark(marks, end, perCell) == mark) {
				end++;
			}
			if (mark != null) {
				gc.setBackground(mark);
				gc.fillRectangle(x + (layout.textStart() + cell) * charWidth, y, (end - cell) * charWidth, lineHeight);
			}
			cell = end;
		}
	}

	private static Color cellMark(Color[] marks, int cell, int perCell) {
		for (int i = cell * perCell; i < Math.min(marks.length, (cell + 1) * perCell); i++) {
			if (marks[i] != null) {
				return marks[i];
			}
		}
		return null;
	}

	private void paintUnreadable(GC gc, long rowOffset, int count, int x, int y) {
		Viewport viewport = frame == null ? null : frame.viewport();
		if (viewport == null || !viewport.covers(rowOffset)) {
			return;
		}
		int from = (int) (rowOffset - viewport.offset());
		int readCount = Math.min(count, viewport.length() - from);
		BitSet unreadable = viewport.unreadable();
		int first = unreadable.nextSetBit(from);
		if (first < 0 || first >= from + readCount) {
			return;
		}
		gc.setForeground(colors.unreadable);
		for (int i = first - from; i < readCount; i++) {
			if (unreadable.get(from + i)) {
				gc.drawString("??", x + layout.hexColumn(i) * charWidth, y, true); //$NON-NLS-1$
			}
		}
	}

	private void paintCaret(GC gc, long rowOffset, int count, int x, int y) {
		long at = caret.caret();
		if (at < rowOffset || at >= rowOffset + count) {
			return;
		}
		int index = (int) (at - rowOffset);
		Pane pane = caret.pane();
		boolean focused = canvas.isFocusControl();
		gc.setForeground(pane == Pane.HEX && focused ? colors.caret : colors.address);
		int hexX = x + layout.hexColumn(index) * charWidth;
		gc.drawRectangle(hexX - 1, y, 2 * charWidth + 1, lineHeight - 1);
		if (caret.isWritable() && pane == Pane.HEX) {
			int nibbleX = hexX + (caret.isLowNibble() ? charWidth : 0);
			gc.drawLine(nibbleX, y + lineHeight - 2, nibbleX + charWidth - 1, y + lineHeight - 2);
		}
		gc.setForeground(pane == Pane.TEXT && focused ? colors.caret : colors.address);
		gc.drawRectangle(x + layout.textColumn(index) * charWidth - 1, y, charWidth + 1, lineHeight - 1);
	}

	private String address(long value) {
		return address(value, layout.addressChars());
	}

	/** @return the offset column's text: upper-case hex, zero-padded to {@code width} */
	static String address(long value, int width) {
		String hex = Long.toHexString(value).toUpperCase();
		return hex.length() >= width ? hex : "0".repeat(width - hex.length()) + hex; //$NON-NLS-1$
	}
}
