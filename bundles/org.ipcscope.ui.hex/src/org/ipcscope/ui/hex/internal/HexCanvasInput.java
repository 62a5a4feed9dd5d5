package org.ipcscope.ui.hex.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.ipcscope.ui.hex.internal.HexLayout.Hit;
import org.ipcscope.ui.hex.internal.HexLayout.Pane;

/**
 * Keyboard and mouse on a {@link HexCanvas}: they move the caret and the selection of its
 * {@link CaretModel}, scroll by pages, and, where the canvas has an editor to tell, type over bytes.
 */
final class HexCanvasInput {

	private final HexCanvas canvas;
	private final CaretModel model;
	private final HexSettings settings;
	/** told of typed bytes; {@code null} on a read-only canvas, which nothing typed reaches */
	private final HexCanvas.Listener editor;
	private boolean dragging;

	HexCanvasInput(HexCanvas canvas, CaretModel model, HexSettings settings, HexCanvas.Listener editor) {
		this.canvas = canvas;
		this.model = model;
		this.settings = settings;
		this.editor = editor;
	}

	void traverse(Event e) {
		if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
			e.doit = false;
			model.togglePane();
			canvas.redraw();
		}
	}

	void keyDown(Event e) {
		boolean extend = (e.stateMask & SWT.SHIFT) != 0;
		boolean control = (e.stateMask & SWT.MOD1) != 0;
		int perRow = canvas.bytesPerRow();
		int page = canvas.fullRows();
		long caret = model.caret();
		switch (e.keyCode) {
		case SWT.ARROW_LEFT -> canvas.moveCaret(caret - 1, extend);
		case SWT.ARROW_RIGHT -> canvas.moveCaret(caret + 1, extend);
		case SWT.ARROW_UP -> canvas.moveCaret(caret - perRow, extend);
		case SWT.ARROW_DOWN -> canvas.moveCaret(caret + perRow, extend);
		case SWT.PAGE_UP -> {
			canvas.setTopRow(canvas.topRow() - page);
			canvas.moveCaret(caret - (long) page * perRow, extend);
		}
		case SWT.PAGE_DOWN -> {
			canvas.setTopRow(canvas.topRow() + page);
			canvas.moveCaret(caret + (long) page * perRow, extend);
		}
		case SWT.HOME -> canvas.moveCaret(model.home(perRow, control), extend);
		case SWT.END -> canvas.moveCaret(model.end(perRow, control), extend);
		default -> {
			if (!control && e.character != 0 && editor != null) {
				type(e.character);
			}
		}
		}
	}

	/** Typing over bytes: hex digits in the hex pane, characters in the text pane. */
	private void type(char typed) {
		long caret = model.caret();
		if (model.pane() == Pane.HEX) {
			CaretModel.Nibble nibble = model.typeHex(typed, canvas.byteAt(caret));
			if (nibble == null) {
				return;
			}
			setShownByte(caret, nibble.value());
			editor.edit(caret, new byte[] { nibble.value() });
			if (nibble.complete()) {
				canvas.moveCaret(caret + 1, false);
			} else {
				canvas.redraw();
			}
		} else {
			byte[] bytes = model.typeText(typed, settings.encoding);
			if (bytes != null) {
				for (int i = 0; i < bytes.length; i++) {
					setShownByte(caret + i, bytes[i]);
				}
				editor.edit(caret, bytes);
				canvas.moveCaret(caret + bytes.length, false);
			}
		}
	}

	/** Shows a written byte at once; the next read confirms it. */
	private void setShownByte(long offset, byte value) {
		Frame frame = canvas.frame();
		if (frame != null && frame.viewport().covers(offset)) {
			int index = (int) (offset - frame.viewport().offset());
			frame.viewport().bytes()[index] = value;
			frame.viewport().unreadable().clear(index);
		}
	}

	void mouseDown(Event e) {
		if (e.button != 1) {
			return;
		}
		canvas.setFocus();
		Hit hit = hitAt(e.x);
		if (hit != null) {
			canvas.moveCaret(offsetOf(e.y, hit), (e.stateMask & SWT.SHIFT) != 0);
			model.clicked(hit.pane(), hit.lowNibble());
			dragging = true;
		}
	}

	void mouseMove(Event e) {
		if (dragging) {
			Hit hit = hitAt(e.x);
			if (hit != null) {
				canvas.moveCaret(offsetOf(e.y, hit), true);
			}
		}
	}

	void mouseUp(Event e) {
		dragging = false;
	}

	private Hit hitAt(int x) {
		return canvas.hexLayout().hit((x + canvas.leftPixels()) / canvas.charWidth());
	}

	private long offsetOf(int y, Hit hit) {
		long row = canvas.topRow() + Math.max(0, y) / canvas.lineHeight();
		return row * canvas.bytesPerRow() + hit.index();
	}
}
