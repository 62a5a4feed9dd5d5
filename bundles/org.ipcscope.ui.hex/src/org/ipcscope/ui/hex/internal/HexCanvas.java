package org.ipcscope.ui.hex.internal;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.ui.hex.internal.HexLayout.Hit;
import org.ipcscope.ui.hex.internal.HexLayout.Pane;

/**
 * The painted hex view: offset, hex and text panes on one canvas, only the visible rows drawn,
 * each row's hex and text in one call. It holds no bytes of its own beyond the last
 * {@link Frame}; rows not read yet show only their offset. Keyboard and mouse move a caret and a
 * selection; with writing allowed, typing edits through {@link Listener#edit}.
 */
final class HexCanvas extends Canvas {

	/** What the editor learns from the view. */
	interface Listener {
		/** The visible rows changed (scroll, resize, layout): read them. */
		void windowChanged();

		/** The caret or the selection moved. */
		void caretChanged();

		/** The user typed over bytes, writing allowed. */
		void edit(long offset, byte[] bytes);
	}

	private static final int WHEEL_ROWS = 3;

	private final HexSettings settings;
	private final Listener listener;
	private final HexColors colors;
	private final int charWidth;
	private final int lineHeight;
	private HexLayout layout;
	private ScrollMapping scroll = new ScrollMapping(0, 1);
	private long size;
	private long topRow;
	private int leftPixels;
	private Frame frame;
	private long caret;
	private long anchor;
	private Pane pane = Pane.HEX;
	private boolean lowNibble;
	/** The byte whose high nibble was just typed, until the low one is. */
	private Integer typedByte;
	private boolean writable;
	private boolean dragging;
	private long lastPaintNanos;
	private long paints;

	HexCanvas(Composite parent, HexSettings settings, Listener listener) {
		super(parent, SWT.V_SCROLL | SWT.H_SCROLL | SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED);
		this.settings = settings;
		this.listener = listener;
		LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), this);
		colors = new HexColors(getDisplay(), resources);
		setFont(JFaceResources.getTextFont());
		GC gc = new GC(this);
		try {
			charWidth = gc.textExtent("0").x;
			// the advance of drawText's lines, which draw whole columns at once
			lineHeight = gc.textExtent("0\n0", SWT.DRAW_DELIMITER).y - gc.textExtent("0", SWT.DRAW_DELIMITER).y;
		} finally {
			gc.dispose();
		}
		addListener(SWT.Paint, e -> paint(e.gc, getClientArea()));
		addListener(SWT.Resize, e -> {
			relayout();
			// rows a larger canvas uncovers are read now; the refresh ticks repeat the last request
			listener.windowChanged();
		});
		addListener(SWT.KeyDown, this::keyDown);
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, e -> dragging = false);
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.FocusIn, e -> redraw());
		addListener(SWT.FocusOut, e -> redraw());
		addListener(SWT.Traverse, this::traverse);
		getVerticalBar().addListener(SWT.Selection, this::verticalScrolled);
		getHorizontalBar().addListener(SWT.Selection, e -> {
			leftPixels = getHorizontalBar().getSelection();
			redraw();
		});
		relayout();
	}

	// ---- state the editor sets

	void setRegionSize(long newSize) {
		if (newSize != size) {
			size = newSize;
			caret = Math.min(caret, Math.max(0, size - 1));
			anchor = Math.min(anchor, Math.max(0, size - 1));
			relayout();
		}
	}

	long regionSize() {
		return size;
	}

	void setFrame(Frame newFrame) {
		frame = newFrame;
		setRegionSize(newFrame.size());
		redraw();
	}

	Frame frame() {
		return frame;
	}

	void setWritable(boolean on) {
		writable = on;
		lowNibble = false;
		typedByte = null;
		redraw();
	}

	/** Applies changed settings: bytes per row, grouping, byte order, text, offsets. */
	void settingsChanged() {
		long caretRow = caret / Math.max(1, bytesPerRow());
		int rowOnScreen = (int) Math.max(0, caretRow - topRow);
		relayout();
		setTopRow(caret / bytesPerRow() - rowOnScreen);
		redraw();
	}

	// ---- geometry

	int bytesPerRow() {
		return layout.bytesPerRow();
	}

	HexLayout hexLayout() {
		return layout;
	}

	int lineHeight() {
		return lineHeight;
	}

	int charWidth() {
		return charWidth;
	}

	long rows() {
		int perRow = bytesPerRow();
		return (size + perRow - 1) / perRow;
	}

	/** @return rows wholly visible */
	int fullRows() {
		return Math.max(1, getClientArea().height / lineHeight);
	}

	/** @return rows at least partly visible: what a refresh reads */
	int visibleRows() {
		return Math.max(1, (getClientArea().height + lineHeight - 1) / lineHeight);
	}

	long topRow() {
		return topRow;
	}

	long windowOffset() {
		return topRow * bytesPerRow();
	}

	int windowLength() {
		long length = Math.min((long) visibleRows() * bytesPerRow(), Math.max(0, size - windowOffset()));
		return (int) length;
	}

	ScrollMapping scrollMapping() {
		return scroll;
	}

	private void relayout() {
		int addressChars = addressChars();
		int perRow = settings.bytesPerRow;
		if (perRow == HexSettings.AUTO_FIT) {
			int chars = Math.max(1, getClientArea().width / charWidth);
			perRow = HexLayout.autoFit(chars, settings.group, settings.encoding, addressChars);
		}
		layout = new HexLayout(perRow, settings.group, settings.littleEndian, settings.encoding, addressChars);
		updateScrollBars();
	}

	private int addressChars() {
		long last = (settings.absoluteOffsets ? settings.baseAddress : 0) + Math.max(0, size - 1);
		int digits = (64 - Long.numberOfLeadingZeros(last) + 3) / 4;
		return Math.max(8, digits);
	}

	private void updateScrollBars() {
		scroll = new ScrollMapping(rows(), fullRows());
		topRow = Math.max(0, Math.min(topRow, scroll.lastTopRow()));
		ScrollBar vertical = getVerticalBar();
		vertical.setValues(scroll.selectionFor(topRow), 0, scroll.maximum(), scroll.thumb(), 1,
				Math.max(1, scroll.isScaled() ? 1 : fullRows() - 1));
		ScrollBar horizontal = getHorizontalBar();
		int width = layout.totalChars() * charWidth + charWidth;
		int client = Math.max(1, getClientArea().width);
		leftPixels = Math.max(0, Math.min(leftPixels, width - client));
		horizontal.setValues(leftPixels, 0, Math.max(width, client), client, charWidth, client);
		horizontal.setVisible(width > client);
	}

	void setTopRow(long row) {
		long clamped = Math.max(0, Math.min(row, scroll.lastTopRow()));
		if (clamped != topRow) {
			topRow = clamped;
			getVerticalBar().setSelection(scroll.selectionFor(topRow));
			redraw();
		}
		listener.windowChanged();
	}

	private void verticalScrolled(Event e) {
		switch (e.detail) {
		case SWT.ARROW_DOWN -> setTopRow(topRow + 1);
		case SWT.ARROW_UP -> setTopRow(topRow - 1);
		case SWT.PAGE_DOWN -> setTopRow(topRow + Math.max(1, fullRows() - 1));
		case SWT.PAGE_UP -> setTopRow(topRow - Math.max(1, fullRows() - 1));
		default -> setTopRow(scroll.topRowFor(getVerticalBar().getSelection()));
		}
	}

	private void wheel(Event e) {
		e.doit = false;
		setTopRow(topRow - Integer.signum(e.count) * WHEEL_ROWS);
	}

	// ---- caret and selection

	long caret() {
		return caret;
	}

	Pane pane() {
		return pane;
	}

	long selectionStart() {
		return Math.min(anchor, caret);
	}

	/** @return selected bytes; at least the caret's byte in a non-empty region */
	long selectionLength() {
		return size == 0 ? 0 : Math.abs(caret - anchor) + 1;
	}

	/** Selects a range and scrolls it into view. */
	void select(long offset, long length) {
		long last = Math.max(0, size - 1);
		anchor = Math.max(0, Math.min(last, offset));
		caret = Math.max(0, Math.min(last, offset + Math.max(1, length) - 1));
		lowNibble = false;
		typedByte = null;
		reveal(anchor);
		reveal(caret);
		caretMoved();
	}

	/** Moves the caret, keeping the selection's other end if {@code extend}. */
	void moveCaret(long offset, boolean extend) {
		caret = Math.max(0, Math.min(Math.max(0, size - 1), offset));
		if (!extend) {
			anchor = caret;
		}
		lowNibble = false;
		typedByte = null;
		reveal(caret);
		caretMoved();
	}

	private void reveal(long offset) {
		long row = offset / bytesPerRow();
		if (row < topRow) {
			setTopRow(row);
		} else if (row >= topRow + fullRows()) {
			setTopRow(row - fullRows() + 1);
		}
	}

	private void caretMoved() {
		redraw();
		listener.caretChanged();
	}

	private boolean isSelected(long offset) {
		return selectionLength() > 1 && offset >= selectionStart() && offset < selectionStart() + selectionLength();
	}

	// ---- input

	private void traverse(Event e) {
		if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
			e.doit = false;
			pane = pane == Pane.HEX ? Pane.TEXT : Pane.HEX;
			lowNibble = false;
			typedByte = null;
			redraw();
		}
	}

	private void keyDown(Event e) {
		boolean extend = (e.stateMask & SWT.SHIFT) != 0;
		boolean control = (e.stateMask & SWT.MOD1) != 0;
		int perRow = bytesPerRow();
		switch (e.keyCode) {
		case SWT.ARROW_LEFT -> moveCaret(caret - 1, extend);
		case SWT.ARROW_RIGHT -> moveCaret(caret + 1, extend);
		case SWT.ARROW_UP -> moveCaret(caret - perRow, extend);
		case SWT.ARROW_DOWN -> moveCaret(caret + perRow, extend);
		case SWT.PAGE_UP -> {
			setTopRow(topRow - fullRows());
			moveCaret(caret - (long) fullRows() * perRow, extend);
		}
		case SWT.PAGE_DOWN -> {
			setTopRow(topRow + fullRows());
			moveCaret(caret + (long) fullRows() * perRow, extend);
		}
		case SWT.HOME -> moveCaret(control ? 0 : caret - caret % perRow, extend);
		case SWT.END -> moveCaret(control ? size - 1 : caret - caret % perRow + perRow - 1, extend);
		default -> {
			if (!control && e.character != 0) {
				type(e.character);
			}
		}
		}
	}

	/** Typing over bytes: hex digits in the hex pane, characters in the text pane. */
	private void type(char typed) {
		if (!writable || size == 0) {
			return;
		}
		if (pane == Pane.HEX) {
			int digit = Character.digit(typed, 16);
			// the second digit completes the byte the first one began: a refresh that lands
			// between the two keys must not bring back the old high nibble
			Integer current = lowNibble && typedByte != null ? typedByte : byteAt(caret);
			if (digit < 0 || current == null) {
				return;
			}
			int value = lowNibble ? current & 0xF0 | digit : digit << 4 | current & 0x0F;
			editByte(caret, (byte) value);
			if (lowNibble) {
				typedByte = null;
				moveCaret(caret + 1, false);
			} else {
				typedByte = value;
				lowNibble = true;
				redraw();
			}
		} else {
			byte[] bytes = textBytes(typed);
			if (bytes != null && caret + bytes.length <= size) {
				for (int i = 0; i < bytes.length; i++) {
					setShownByte(caret + i, bytes[i]);
				}
				listener.edit(caret, bytes);
				moveCaret(caret + bytes.length, false);
			}
		}
	}

	private byte[] textBytes(char typed) {
		if (typed < 0x20 || typed == 0x7F) {
			return null;
		}
		return switch (settings.encoding) {
		case UTF_16LE -> new byte[] { (byte) typed, (byte) (typed >> 8) };
		case ASCII -> typed < 0x7F ? new byte[] { (byte) typed } : null;
		case LATIN_1 -> typed <= 0xFF ? new byte[] { (byte) typed } : null;
		case UTF_8 -> String.valueOf(typed).getBytes(StandardCharsets.UTF_8);
		};
	}

	private void editByte(long offset, byte value) {
		setShownByte(offset, value);
		listener.edit(offset, new byte[] { value });
	}

	/** Shows a written byte at once; the next read confirms it. */
	private void setShownByte(long offset, byte value) {
		if (frame != null && frame.viewport().covers(offset)) {
			int index = (int) (offset - frame.viewport().offset());
			frame.viewport().bytes()[index] = value;
			frame.viewport().unreadable().clear(index);
		}
	}

	/** @return the byte shown at an offset, or {@code null} if it is not on screen or unreadable */
	Integer byteAt(long offset) {
		if (frame == null || !frame.viewport().covers(offset)) {
			return null;
		}
		int index = (int) (offset - frame.viewport().offset());
		return frame.viewport().isReadable(index) ? frame.viewport().bytes()[index] & 0xFF : null;
	}

	private void mouseDown(Event e) {
		if (e.button != 1) {
			return;
		}
		setFocus();
		Hit hit = hitAt(e.x, e.y);
		if (hit != null) {
			pane = hit.pane();
			moveCaret(offsetOf(e.y, hit), (e.stateMask & SWT.SHIFT) != 0);
			lowNibble = writable && hit.pane() == Pane.HEX && hit.lowNibble();
			typedByte = null;
			dragging = true;
		}
	}

	private void mouseMove(Event e) {
		if (dragging) {
			Hit hit = hitAt(e.x, e.y);
			if (hit != null) {
				moveCaret(offsetOf(e.y, hit), true);
			}
		}
	}

	private Hit hitAt(int x, int y) {
		return layout.hit((x + leftPixels) / charWidth);
	}

	private long offsetOf(int y, Hit hit) {
		long row = topRow + Math.max(0, y) / lineHeight;
		return row * bytesPerRow() + hit.index();
	}

	// ---- painting

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
		gc.setFont(getFont());
		gc.setBackground(colors.background);
		gc.fillRectangle(area);
		int x = -leftPixels;
		int rows = (int) Math.max(0, Math.min((area.height + lineHeight - 1) / lineHeight, rows() - topRow));
		StringBuilder addresses = new StringBuilder(rows * (layout.addressChars() + 1));
		StringBuilder hex = new StringBuilder(rows * (layout.hexWidth() + 1));
		StringBuilder text = new StringBuilder(rows * (layout.textWidth() + 1));
		for (int r = 0; r < rows; r++) {
			long rowOffset = (topRow + r) * bytesPerRow();
			int count = (int) Math.min(bytesPerRow(), size - rowOffset);
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
			long rowOffset = (topRow + r) * bytesPerRow();
			int count = (int) Math.min(bytesPerRow(), size - rowOffset);
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
		boolean anySelection = selectionLength() > 1;
		for (int i = 0; i < count; i++) {
			if (anySelection && isSelected(rowOffset + i)) {
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
		int perRow = bytesPerRow();
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
				gc.drawString("??", x + layout.hexColumn(i) * charWidth, y, true);
			}
		}
	}

	private void paintCaret(GC gc, long rowOffset, int count, int x, int y) {
		if (caret < rowOffset || caret >= rowOffset + count) {
			return;
		}
		int index = (int) (caret - rowOffset);
		boolean focused = isFocusControl();
		gc.setForeground(pane == Pane.HEX && focused ? colors.caret : colors.address);
		int hexX = x + layout.hexColumn(index) * charWidth;
		gc.drawRectangle(hexX - 1, y, 2 * charWidth + 1, lineHeight - 1);
		if (writable && pane == Pane.HEX) {
			int nibbleX = hexX + (lowNibble ? charWidth : 0);
			gc.drawLine(nibbleX, y + lineHeight - 2, nibbleX + charWidth - 1, y + lineHeight - 2);
		}
		gc.setForeground(pane == Pane.TEXT && focused ? colors.caret : colors.address);
		gc.drawRectangle(x + layout.textColumn(index) * charWidth - 1, y, charWidth + 1, lineHeight - 1);
	}

	private String address(long value) {
		String hex = Long.toHexString(value).toUpperCase();
		int width = layout.addressChars();
		return hex.length() >= width ? hex : "0".repeat(width - hex.length()) + hex;
	}
}
