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
import org.ipcscope.ui.hex.internal.HexLayout.Pane;

/**
 * The painted hex view: offset, hex and text panes on one canvas, only the visible rows drawn,
 * each row's hex and text in one call ({@link HexPainter}). It holds no bytes of its own beyond the
 * last {@link Frame}; rows not read yet show only their offset. Keyboard and mouse
 * ({@link HexCanvasInput}) move the caret and the selection of a {@link CaretModel}; with writing
 * allowed, typing edits through
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
			charWidth = gc.textExtent("0").x; //$NON-NLS-1$
			// the advance of drawText's lines, which draw whole columns at once
			lineHeight = gc.textExtent("0\n0", SWT.DRAW_DELIMITER).y - gc.textExtent("0", SWT.DRAW_DELIMITER).y; //$NON-NLS-1$ //$NON-NLS-2$
		} finally {
			gc.dispose();
		}
		addListener(SWT.Paint, e -> painter.paint(e.gc, getClientArea()));
		addListener(SWT.Resize, e -> {
			relayout();
			// rows a larger canvas uncovers are read now; the refresh ticks repeat the last request
			listener.windowChanged();
		});
		HexCanvasInput input = new HexCanvasInput(this, model, settings, readOnly ? null : listener);
		addListener(SWT.KeyDown, input::keyDown);
		addListener(SWT.MouseDown, input::mouseDown);
		addListener(SWT.MouseMove, input::mouseMove);
		addListener(SWT.MouseUp, input::mouseUp);
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.FocusIn, e -> redraw());
		addListener(SWT.FocusOut, e -> redraw());
		addListener(SWT.Traverse, input::traverse);
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

	/** @return the byte shown at an offset, or {@code null} if it is not on screen or unreadable */
	Integer byteAt(long offset) {
		if (frame == null || !frame.viewport().covers(offset)) {
			return null;
		}
		int index = (int) (offset - frame.viewport().offset());
		return frame.viewport().isReadable(index) ? frame.viewport().bytes()[index] & 0xFF : null;
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
