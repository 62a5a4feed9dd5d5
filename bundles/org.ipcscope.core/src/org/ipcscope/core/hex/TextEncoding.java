package org.ipcscope.core.hex;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import org.ipcscope.core.text.Printable;

/**
 * How the text pane shows bytes. Each cell stands for {@link #bytesPerCell()} bytes; what cannot
 * be shown is a dot, an unreadable byte a {@value #UNREADABLE_CELL}.
 */
public enum TextEncoding {
	ASCII("ascii", "ASCII", 1),
	LATIN_1("latin1", "Latin-1", 1),
	/** A character shows at its first byte; its other bytes show blank. */
	UTF_8("utf8", "UTF-8", 1),
	/** One cell per two bytes, at even offsets. */
	UTF_16LE("utf16le", "UTF-16LE", 2);

	public static final char UNREADABLE_CELL = '?';
	public static final char NOT_PRINTABLE = '.';
	private static final char CONTINUATION = ' ';

	private final String id;
	private final String label;
	private final int bytesPerCell;

	TextEncoding(String id, String label, int bytesPerCell) {
		this.id = id;
		this.label = label;
		this.bytesPerCell = bytesPerCell;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	public int bytesPerCell() {
		return bytesPerCell;
	}

	public static TextEncoding fromId(String id) {
		for (TextEncoding encoding : values()) {
			if (encoding.id.equalsIgnoreCase(id)) {
				return encoding;
			}
		}
		throw new IllegalArgumentException("Unknown text encoding '" + id + "'");
	}

	/**
	 * Appends the cells of {@code length} bytes from {@code from} of a window of bytes; bytes
	 * after them (the next row) complete a character that starts in the range.
	 */
	public void render(byte[] bytes, BitSet unreadable, int from, int length, StringBuilder out) {
		int end = from + length;
		switch (this) {
		case ASCII, LATIN_1 -> {
			for (int i = from; i < end; i++) {
				out.append(unreadable.get(i) ? UNREADABLE_CELL : singleByte(bytes[i] & 0xFF));
			}
		}
		case UTF_8 -> utf8(bytes, unreadable, from, end, out);
		case UTF_16LE -> {
			for (int i = from; i < end; i += 2) {
				if (i + 1 >= bytes.length || unreadable.get(i) || unreadable.get(i + 1)) {
					out.append(i + 1 >= bytes.length && !unreadable.get(i) ? NOT_PRINTABLE : UNREADABLE_CELL);
				} else {
					out.append(printable((char) ((bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8)));
				}
			}
		}
		}
	}

	private char singleByte(int b) {
		if (b >= 0x20 && b < 0x7F) {
			return (char) b;
		}
		return this == LATIN_1 && b >= 0xA0 ? (char) b : NOT_PRINTABLE;
	}

	private static char printable(char c) {
		if (!isPrintable(c)) {
			return NOT_PRINTABLE;
		}
		return c;
	}

	private static void utf8(byte[] bytes, BitSet unreadable, int from, int end, StringBuilder out) {
		// a character that began before the row: its continuation bytes show blank
		int i = from;
		while (i < end && !unreadable.get(i) && (bytes[i] & 0xC0) == 0x80 && startsBefore(bytes, unreadable, i, from)) {
			out.append(CONTINUATION);
			i++;
		}
		while (i < end) {
			if (unreadable.get(i)) {
				out.append(UNREADABLE_CELL);
				i++;
				continue;
			}
			int length = sequenceLength(bytes[i]);
			String decoded = length > 1 ? decode(bytes, unreadable, i, length) : null;
			if (length == 1) {
				out.append(bytes[i] >= 0x20 && bytes[i] < 0x7F ? (char) bytes[i] : NOT_PRINTABLE);
				i++;
			} else if (decoded == null || decoded.codePointCount(0, decoded.length()) != 1
					|| !isPrintable(decoded.codePointAt(0))) {
				out.append(NOT_PRINTABLE);
				i++;
			} else {
				// supplementary characters would take two chars: show them as a dot to keep the cell grid
				out.append(decoded.length() == 1 ? decoded.charAt(0) : NOT_PRINTABLE);
				for (int k = 1; k < length && i + k < end; k++) {
					out.append(CONTINUATION);
				}
				i += length;
			}
		}
	}

	/** @return whether the continuation byte at {@code i} belongs to a valid character starting before {@code from} */
	private static boolean startsBefore(byte[] bytes, BitSet unreadable, int i, int from) {
		for (int start = i - 1; start >= Math.max(0, i - 3); start--) {
			if ((bytes[start] & 0xC0) != 0x80) {
				int length = sequenceLength(bytes[start]);
				return start < from && start + length > i && decode(bytes, unreadable, start, length) != null;
			}
		}
		return false;
	}

	private static boolean isPrintable(int codePoint) {
		// what Printable would escape shows as '.': the dump stays one line a row
		return Printable.isVisible(codePoint) && Character.isDefined(codePoint);
	}

	private static int sequenceLength(byte lead) {
		int b = lead & 0xFF;
		if (b < 0x80) {
			return 1;
		}
		if (b >= 0xC2 && b < 0xE0) {
			return 2;
		}
		if (b >= 0xE0 && b < 0xF0) {
			return 3;
		}
		if (b >= 0xF0 && b < 0xF5) {
			return 4;
		}
		return -1;
	}

	private static String decode(byte[] bytes, BitSet unreadable, int at, int length) {
		if (length < 2 || at + length > bytes.length) {
			return null;
		}
		int firstUnreadable = unreadable.nextSetBit(at);
		if (firstUnreadable >= 0 && firstUnreadable < at + length) {
			return null;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, at, length)).toString();
		} catch (CharacterCodingException e) {
			return null;
		}
	}
}
