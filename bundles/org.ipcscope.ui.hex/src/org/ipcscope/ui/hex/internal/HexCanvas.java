package org.ipcscope.ui.hex.internal;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.ipcscope.ui.hex.internal.HexLayout.Hit;
import org.ipcscope.ui.hex.internal.HexLayout.Pane;

/**
 * The painted hex view: offset, hex and text panes on one canvas, only the visible rows drawn,
 * each row's hex and text in one call ({@link HexPainter}). It holds no bytes of its own beyond the
 * last {@link Frame}; rows not read yet show only their offset. Keyboard and mouse move the caret
 * and the selection of a {@link CaretModel}; with writing allowed, typing edits through
 * {@link Listener#edit}. A {@linkplain #readOnly read-only} canvas never allows writing: it
 * scrolls, moves the caret and selects, and nothing typed reaches its listener.
 */
public final class HexCanvas extends Canvas {

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
	private final boolean readOnly;
	private final CaretModel model = new CaretModel();
	private final HexPainter painter;
	private final int charWidth;
	private final int lineHeight;
	private HexLayout layout;
	private ScrollMapping scroll = new ScrollMapping(0, 1);
	private long topRow;
	private int leftPixels;
	private Frame frame;
	private boolean dragging;

	HexCanvas(Composite parent, HexSettings settings, Listener listener) {
		this(parent, settings, listener, false);
	}

	/** A canvas on which writing is never allowed: {@link Listener#edit} is never called. */
	static HexCanvas readOnly(Composite parent, HexSettings settings, Listener listener) {
		return new HexCanvas(parent, settings, listener, true);
	}

	private HexCanvas(Composite parent, HexSettings settings, Listener listener, boolean readOnly) {
		super(parent, SWT.V_SCROLL | SWT.H_SCROLL | SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED);
		this.settings = settings;
		this.listener = listener;
		this.readOnly = readOnly;
		LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), this);
		painter = new HexPainter(this, settings, model, new HexColors(getDisplay(), resources));
		setFont(JFaceResources.getTextFont());
		GC gc = new GC(this);
		try {
			charWidth = gc.textExtent("0").x;
			// the advance of drawText's lines, which draw whole columns at once
			lineHeight = gc.textExtent("0\n0", SWT.DRAW_DELIMITER).y - gc.textExtent("0", SWT.DRAW_DELIMITER).y;
		} finally {
			gc.dispose();
		}
		addListener(SWT.Paint, e -> painter.paint(e.gc, getClientArea()));
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
		if (model.setSize(newSize)) {
			relayout();
		}
	}

	public long regionSize() {
		return model.size();
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
		model.setWritable(on && !readOnly);
		redraw();
	}

	/** Applies changed settings: bytes per row, grouping, byte order, text, offsets. */
	void settingsChanged() {
		long caretRow = model.caret() / Math.max(1, bytesPerRow());
		int rowOnScreen = (int) Math.max(0, caretRow - topRow);
		relayout();
		setTopRow(model.caret() / bytesPerRow() - rowOnScreen);
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
		return (model.size() + perRow - 1) / perRow;
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
		long length = Math.min((long) visibleRows() * bytesPerRow(), Math.max(0, model.size() - windowOffset()));
		return (int) length;
	}

	int leftPixels() {
		return leftPixels;
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
		long last = (settings.absoluteOffsets ? settings.baseAddress : 0) + Math.max(0, model.size() - 1);
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
		return model.caret();
	}

	Pane pane() {
		return model.pane();
	}

	long selectionStart() {
		return model.selectionStart();
	}

	/** @return selected bytes; at least the caret's byte in a non-empty region */
	long selectionLength() {
		return model.selectionLength();
	}

	/** Selects a range and scrolls it into view. */
	void select(long offset, long length) {
		model.select(offset, length);
		reveal(model.anchor());
		reveal(model.caret());
		caretMoved();
	}

	/** Moves the caret, keeping the selection's other end if {@code extend}. */
	void moveCaret(long offset, boolean extend) {
		model.moveTo(offset, extend);
		reveal(model.caret());
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

	// ---- input

	private void traverse(Event e) {
		if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
			e.doit = false;
			model.togglePane();
			redraw();
		}
	}

	private void keyDown(Event e) {
		boolean extend = (e.stateMask & SWT.SHIFT) != 0;
		boolean control = (e.stateMask & SWT.MOD1) != 0;
		int perRow = bytesPerRow();
		long caret = model.caret();
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
		case SWT.HOME -> moveCaret(model.home(perRow, control), extend);
		case SWT.END -> moveCaret(model.end(perRow, control), extend);
		default -> {
			if (!control && e.character != 0 && !readOnly) {
				type(e.character);
			}
		}
		}
	}

	/** Typing over bytes: hex digits in the hex pane, characters in the text pane. */
	private void type(char typed) {
		long caret = model.caret();
		if (model.pane() == Pane.HEX) {
			CaretModel.Nibble nibble = model.typeHex(typed, byteAt(caret));
			if (nibble == null) {
				return;
			}
			setShownByte(caret, nibble.value());
			listener.edit(caret, new byte[] { nibble.value() });
			if (nibble.complete()) {
				moveCaret(caret + 1, false);
			} else {
				redraw();
			}
		} else {
			byte[] bytes = model.typeText(typed, settings.encoding);
			if (bytes != null) {
				for (int i = 0; i < bytes.length; i++) {
					setShownByte(caret + i, bytes[i]);
				}
				listener.edit(caret, bytes);
				moveCaret(caret + bytes.length, false);
			}
		}
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
			moveCaret(offsetOf(e.y, hit), (e.stateMask & SWT.SHIFT) != 0);
			model.clicked(hit.pane(), hit.lowNibble());
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

	// ---- painting: see HexPainter

	/** Paints the visible rows into {@code gc}; also used by the benchmark on an image. */
	void paint(GC gc, Rectangle area) {
		painter.paint(gc, area);
	}

	/** @return nanoseconds the last paint took, for the status line and the benchmark */
	long lastPaintNanos() {
		return painter.lastPaintNanos();
	}

	/** @return paints so far, to tell a new {@link #lastPaintNanos()} from the previous one */
	long paints() {
		return painter.paints();
	}
}
