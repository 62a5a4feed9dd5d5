package org.ipcscope.ui.hex.internal;

import java.util.Arrays;
import java.util.BitSet;

import org.ipcscope.core.hex.TextEncoding;

/**
 * Where things are on a row, in character cells of a monospaced font: the offset column, the
 * hex pane with its groups (bytes of a little-endian group shown most significant first, so that
 * a group reads as a number), and the text pane. Pure arithmetic, so it is tested without a
 * display and the painter and the mouse agree.
 */
final class HexLayout {

	/** The panes a click can land in. */
	enum Pane {
		HEX, TEXT
	}

	/** What a character column of a row points at. */
	record Hit(Pane pane, int index, boolean lowNibble) {
	}

	private static final int GAP = 2;

	private final int bytesPerRow;
	private final int group;
	private final boolean littleEndian;
	private final int bytesPerCell;
	private final int addressChars;

	HexLayout(int bytesPerRow, int group, boolean littleEndian, TextEncoding encoding, int addressChars) {
		this.bytesPerRow = bytesPerRow;
		this.group = Math.min(group, bytesPerRow);
		this.littleEndian = littleEndian;
		this.bytesPerCell = encoding.bytesPerCell();
		this.addressChars = addressChars;
	}

	/** @return the largest row width, a multiple of 8 bytes (every grouping fits), that fits in {@code chars} */
	static int autoFit(int chars, int group, TextEncoding encoding, int addressChars) {
		int best = 8;
		for (int bytes = 16; bytes <= 256; bytes += 8) {
			if (new HexLayout(bytes, group, false, encoding, addressChars).totalChars() > chars) {
				break;
			}
			best = bytes;
		}
		return best;
	}

	int bytesPerRow() {
		return bytesPerRow;
	}

	int addressChars() {
		return addressChars;
	}

	int hexStart() {
		return addressChars + GAP;
	}

	int hexWidth() {
		return bytesPerRow * 2 + (bytesPerRow / group - 1);
	}

	int textStart() {
		return hexStart() + hexWidth() + GAP;
	}

	int textWidth() {
		return (bytesPerRow + bytesPerCell - 1) / bytesPerCell;
	}

	int totalChars() {
		return textStart() + textWidth();
	}

	/** @return the column of the first hex digit of byte {@code index} of a row */
	int hexColumn(int index) {
		int inGroup = index % group;
		int shown = littleEndian ? group - 1 - inGroup : inGroup;
		return hexStart() + (index / group) * (group * 2 + 1) + shown * 2;
	}

	/** @return the column of the text cell holding byte {@code index} of a row */
	int textColumn(int index) {
		return textStart() + index / bytesPerCell;
	}

	/** @return what the column points at, the nearest byte for columns between bytes; {@code null} in the offset column */
	Hit hit(int column) {
		if (column >= textStart() - 1) {
			int cell = Math.max(0, Math.min(textWidth() - 1, column - textStart()));
			return new Hit(Pane.TEXT, Math.min(bytesPerRow - 1, cell * bytesPerCell), false);
		}
		if (column < hexStart()) {
			return column >= hexStart() - 1 ? new Hit(Pane.HEX, indexAtDisplayPosition(0), false) : null;
		}
		int relative = column - hexStart();
		int groupWidth = group * 2 + 1;
		int groupIndex = Math.min(bytesPerRow / group - 1, relative / groupWidth);
		int inGroup = Math.min(group * 2 - 1, relative - groupIndex * groupWidth);
		int shown = inGroup / 2;
		int index = groupIndex * group + (littleEndian ? group - 1 - shown : shown);
		return new Hit(Pane.HEX, index, inGroup % 2 == 1);
	}

	/** @return the byte shown at the {@code position}-th place of the hex pane */
	int indexAtDisplayPosition(int position) {
		int inGroup = position % group;
		return position - inGroup + (littleEndian ? group - 1 - inGroup : inGroup);
	}

	/**
	 * The hex pane of one row as one string, so that a row is drawn in one call.
	 *
	 * @param count bytes present in this row (fewer on the last row)
	 */
	String hexText(byte[] bytes, BitSet unreadable, int from, int count) {
		char[] line = new char[hexWidth()];
		Arrays.fill(line, ' ');
		for (int i = 0; i < count; i++) {
			int at = hexColumn(i) - hexStart();
			if (unreadable.get(from + i)) {
				line[at] = line[at + 1] = '?';
			} else {
				int b = bytes[from + i] & 0xFF;
				line[at] = Character.toUpperCase(Character.forDigit(b >> 4, 16));
				line[at + 1] = Character.toUpperCase(Character.forDigit(b & 0xF, 16));
			}
		}
		return new String(line);
	}
}
