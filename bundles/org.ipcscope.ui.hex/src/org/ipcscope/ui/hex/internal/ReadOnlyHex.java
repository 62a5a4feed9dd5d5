package org.ipcscope.ui.hex.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.ipcscope.core.hex.ChangeHistory;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.core.hex.Viewport;

/**
 * A {@linkplain HexCanvas#readOnly read-only} {@link HexCanvas} over bytes held in memory, behind
 * the public {@link org.ipcscope.ui.hex.HexDumpView}: the canvas paints, scrolls, moves the caret
 * and selects as in the editor; this hands it the visible rows of the array as its {@link Frame}
 * and copies the selection (Ctrl+C as hex, Ctrl+A selects everything). Nothing here writes.
 */
public final class ReadOnlyHex implements HexCanvas.Listener {

	private static final BitSet NONE = new BitSet();

	private final HexSettings settings = new HexSettings();
	private final HexCanvas canvas;
	private byte[] bytes = new byte[0];

	public ReadOnlyHex(Composite parent) {
		// the editor's defaults, not the preferences: 16 bytes a row, ASCII, offsets from 0
		canvas = HexCanvas.readOnly(parent, settings, this);
		canvas.addListener(SWT.KeyDown, this::keyDown);
		windowChanged();
	}

	public Control control() {
		return canvas;
	}

	/** Shows these bytes from their start, the caret on the first; the array is not copied and must not change. */
	public void setBytes(byte[] newBytes) {
		bytes = newBytes;
		canvas.setRegionSize(bytes.length);
		canvas.moveCaret(0, false);
		canvas.setTopRow(0);
	}

	public byte[] bytes() {
		return bytes;
	}

	public long rowCount() {
		return canvas.rows();
	}

	public long topRow() {
		return canvas.topRow();
	}

	public void setTopRow(long row) {
		canvas.setTopRow(row);
	}

	public long caret() {
		return canvas.caret();
	}

	public long selectionStart() {
		return canvas.selectionStart();
	}

	/** @return selected bytes; at least the caret's byte when there are any */
	public long selectionLength() {
		return canvas.selectionLength();
	}

	/** @return the text of one row as painted: offset, hex, then the text pane */
	public String rowText(long row) {
		HexLayout layout = canvas.hexLayout();
		long from = row * layout.bytesPerRow();
		int count = (int) Math.max(0, Math.min(layout.bytesPerRow(), bytes.length - from));
		StringBuilder text = new StringBuilder(HexPainter.address(from, layout.addressChars())).append("  ") //$NON-NLS-1$
				.append(layout.hexText(bytes, NONE, (int) from, count)).append("  "); //$NON-NLS-1$
		settings.encoding.render(bytes, NONE, (int) from, count, text);
		return text.toString();
	}

	/** @return the rows at least partly visible now, top to bottom */
	public List<String> visibleRows() {
		List<String> rows = new ArrayList<>();
		long last = Math.min(rowCount(), topRow() + canvas.visibleRows());
		for (long row = topRow(); row < last; row++) {
			rows.add(rowText(row));
		}
		return rows;
	}

	/** @return a whole row wide (a row of 16 where there are no bytes), 8 rows high */
	public Point preferredSize() {
		return new Point((canvas.hexLayout().totalChars() + 1) * canvas.charWidth(), 8 * canvas.lineHeight());
	}

	/** Puts the selected bytes on the clipboard as hex, as the editor's Copy does. */
	public void copy() {
		long length = selectionLength();
		if (length == 0) {
			return;
		}
		int start = (int) selectionStart();
		String text = CopyFormat.HEX.format(Arrays.copyOfRange(bytes, start, start + (int) length));
		Clipboard clipboard = new Clipboard(canvas.getDisplay());
		try {
			clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			clipboard.dispose();
		}
	}

	private void keyDown(Event e) {
		if ((e.stateMask & SWT.MOD1) == 0) {
			return;
		}
		if (e.keyCode == 'c') {
			copy();
		} else if (e.keyCode == 'a') {
			canvas.select(0, bytes.length);
		}
	}

	// ---- HexCanvas.Listener

	/** Hands the canvas the visible rows of the array, as a read of live memory would. */
	@Override
	public void windowChanged() {
		if (canvas == null) {
			return; // a resize while the canvas is being made
		}
		long offset = canvas.windowOffset();
		int length = canvas.windowLength();
		byte[] window = Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
		byte[] ages = new byte[length];
		Arrays.fill(ages, (byte) ChangeHistory.UNCHANGED);
		Viewport viewport = new Viewport(offset, window, new BitSet(), ages, 0, 1);
		canvas.setFrame(new Frame(viewport, new BitSet(), bytes.length, canvas.caret(), null, 0));
	}

	@Override
	public void caretChanged() {
		// nothing shows the caret beyond the canvas itself
	}

	@Override
	public void edit(long offset, byte[] typed) {
		throw new IllegalStateException("a read-only hex canvas edited at " + offset); //$NON-NLS-1$
	}
}
