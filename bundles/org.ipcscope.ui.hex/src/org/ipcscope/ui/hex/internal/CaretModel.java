package org.ipcscope.ui.hex.internal;

import java.nio.charset.StandardCharsets;

import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.ui.hex.internal.HexLayout.Pane;

/**
 * The hex view's caret and selection, without a display: the caret, the selection's other end
 * (the anchor), the pane typed into and a byte half typed in the hex pane. Offsets are kept inside
 * the region; the canvas scrolls to and paints what this holds.
 */
final class CaretModel {

	/**
	 * A hex digit typed over a byte.
	 *
	 * @param value    the byte to write now
	 * @param complete whether both digits are in (the caret then moves on)
	 */
	record Nibble(byte value, boolean complete) {
	}

	private long size;
	private long caret;
	private long anchor;
	private Pane pane = Pane.HEX;
	private boolean writable;
	private boolean lowNibble;
	/** The byte whose high nibble was just typed, until the low one is. */
	private Integer typedByte;

	/** @return whether the size changed; the caret and the anchor stay inside the new size */
	boolean setSize(long newSize) {
		if (newSize == size) {
			return false;
		}
		size = newSize;
		caret = Math.min(caret, last());
		anchor = Math.min(anchor, last());
		return true;
	}

	long size() {
		return size;
	}

	private long last() {
		return Math.max(0, size - 1);
	}

	long caret() {
		return caret;
	}

	long anchor() {
		return anchor;
	}

	long selectionStart() {
		return Math.min(anchor, caret);
	}

	/** @return selected bytes; at least the caret's byte in a non-empty region */
	long selectionLength() {
		return size == 0 ? 0 : Math.abs(caret - anchor) + 1;
	}

	/** @return whether the offset is in a selection of more than the caret's byte */
	boolean isSelected(long offset) {
		return selectionLength() > 1 && offset >= selectionStart() && offset < selectionStart() + selectionLength();
	}

	/** Selects {@code length} bytes (at least one) from {@code offset}, the caret on the last. */
	void select(long offset, long length) {
		anchor = Math.max(0, Math.min(last(), offset));
		caret = Math.max(0, Math.min(last(), offset + Math.max(1, length) - 1));
		stopTyping();
	}

	/** Moves the caret, keeping the selection's other end if {@code extend}. */
	void moveTo(long offset, boolean extend) {
		caret = Math.max(0, Math.min(last(), offset));
		if (!extend) {
			anchor = caret;
		}
		stopTyping();
	}

	/** @return where Home goes: the row's first byte, or the region's with {@code whole} */
	long home(int perRow, boolean whole) {
		return whole ? 0 : caret - caret % perRow;
	}

	/** @return where End goes: the row's last byte, or the region's with {@code whole} */
	long end(int perRow, boolean whole) {
		return whole ? size - 1 : caret - caret % perRow + perRow - 1;
	}

	Pane pane() {
		return pane;
	}

	void togglePane() {
		pane = pane == Pane.HEX ? Pane.TEXT : Pane.HEX;
		stopTyping();
	}

	/** A click in a pane: in the hex pane's low digit, with writing allowed, typing starts there. */
	void clicked(Pane where, boolean onLowNibble) {
		pane = where;
		lowNibble = writable && where == Pane.HEX && onLowNibble;
		typedByte = null;
	}

	boolean isWritable() {
		return writable;
	}

	void setWritable(boolean on) {
		writable = on;
		stopTyping();
	}

	/** @return whether the next hex digit is a byte's low one */
	boolean isLowNibble() {
		return lowNibble;
	}

	private void stopTyping() {
		lowNibble = false;
		typedByte = null;
	}

	/**
	 * A character typed in the hex pane over the caret's byte.
	 *
	 * @param shown the byte shown at the caret, or null where none is
	 * @return the byte to write, or null when nothing is written (read-only, not a digit, no byte)
	 */
	Nibble typeHex(char typed, Integer shown) {
		if (!writable || size == 0) {
			return null;
		}
		int digit = Character.digit(typed, 16);
		// the second digit completes the byte the first one began: a refresh that lands
		// between the two keys must not bring back the old high nibble
		Integer current = lowNibble && typedByte != null ? typedByte : shown;
		if (digit < 0 || current == null) {
			return null;
		}
		int value = lowNibble ? current & 0xF0 | digit : digit << 4 | current & 0x0F;
		if (lowNibble) {
			typedByte = null;
			return new Nibble((byte) value, true);
		}
		typedByte = value;
		lowNibble = true;
		return new Nibble((byte) value, false);
	}

	/**
	 * A character typed in the text pane at the caret.
	 *
	 * @return its bytes in the encoding, or null when nothing is written (read-only, a control
	 *         character, not in the encoding, past the end)
	 */
	byte[] typeText(char typed, TextEncoding encoding) {
		if (!writable || size == 0 || typed < 0x20 || typed == 0x7F) {
			return null;
		}
		byte[] bytes = switch (encoding) {
		case UTF_16LE -> new byte[] { (byte) typed, (byte) (typed >> 8) };
		case ASCII -> typed < 0x7F ? new byte[] { (byte) typed } : null;
		case LATIN_1 -> typed <= 0xFF ? new byte[] { (byte) typed } : null;
		case UTF_8 -> String.valueOf(typed).getBytes(StandardCharsets.UTF_8);
		};
		return bytes != null && caret + bytes.length <= size ? bytes : null;
	}
}
