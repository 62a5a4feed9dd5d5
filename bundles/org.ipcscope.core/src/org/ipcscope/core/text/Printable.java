package org.ipcscope.core.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text for a terminal: names and messages come from other users' processes, and a raw control
 * character would forge a table row ({@code \n}) or drive the terminal ({@code \e]0;...\a},
 * {@code \e[31m}). {@link #escape} shows every character that is not plainly visible, and a
 * backslash, as an escape; {@link #unescape} turns such text back into the name, byte for byte.
 * <ul>
 * <li>{@code \\} a backslash, {@code \n} {@code \t} {@code \r} those controls;</li>
 * <li>{@code \xHH} one byte: a byte that is not UTF-8 ({@link NameBytes}), or one of the UTF-8
 * bytes of another control character (C0, DEL, C1), a format character (bidirectional
 * overrides, zero-width characters) or a line or paragraph separator.</li>
 * </ul>
 */
public final class Printable {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Printable() {
	}

	/** @return whether the code point shows as itself: not a control, format character, separator or lone surrogate */
	public static boolean isVisible(int codePoint) {
		return switch (Character.getType(codePoint)) {
		case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
				Character.SURROGATE ->
			false;
		default -> true;
		};
	}

	/** @return the text on one line, every character that is not visible escaped (see the class) */
	public static String escape(String text) {
		int plain = 0;
		while (plain < text.length() && isPlain(text.charAt(plain))) {
			plain++;
		}
		if (plain == text.length()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, plain);
		for (int i = plain; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			switch (codePoint) {
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\t' -> out.append("\\t");
			case '\r' -> out.append("\\r");
			default -> {
				if (isVisible(codePoint)) {
					out.appendCodePoint(codePoint);
				} else if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
					// a byte that is not UTF-8 (see NameBytes), or a lone surrogate that no byte makes
					if (codePoint >= 0xDC80 && codePoint <= 0xDCFF) {
						hexByte(out, codePoint - 0xDC00);
					} else {
						out.append(String.format("\\u%04x", codePoint));
					}
				} else {
					for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
						hexByte(out, b & 0xff);
					}
				}
			}
			}
		}
		return out.toString();
	}

	private static boolean isPlain(char c) {
		return c >= 0x20 && c < 0x7f && c != '\\';
	}

	private static void hexByte(StringBuilder out, int value) {
		out.append("\\x").append(HEX[value >> 4]).append(HEX[value & 0xF]);
	}

	/**
	 * The inverse of {@link #escape}: {@code \\}, {@code \n}, {@code \t}, {@code \r},
	 * {@code \xHH} (one byte) and <code>&#92;uHHHH</code> (one character) are replaced, and the bytes
	 * decoded as {@link NameBytes} does.
	 *
	 * @throws IllegalArgumentException at an unknown or cut escape, saying which
	 */
	public static String unescape(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		int literal = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) != '\\') {
				continue;
			}
			bytes.writeBytes(NameBytes.encode(text.substring(literal, i)));
			if (i + 1 >= text.length()) {
				throw new IllegalArgumentException("a backslash ends the text; \\\\ is a backslash");
			}
			char kind = text.charAt(++i);
			switch (kind) {
			case '\\' -> bytes.write('\\');
			case 'n' -> bytes.write('\n');
			case 't' -> bytes.write('\t');
			case 'r' -> bytes.write('\r');
			case 'x' -> {
				bytes.write(hex(text, i + 1, 2));
				i += 2;
			}
			case 'u' -> {
				bytes.writeBytes(NameBytes.encode(String.valueOf((char) hex(text, i + 1, 4))));
				i += 4;
			}
			default -> throw new IllegalArgumentException("unknown escape \\" + kind
					+ " (known: \\\\, \\n, \\t, \\r, \\xHH, \\uHHHH)");
			}
			literal = i + 1;
		}
		bytes.writeBytes(NameBytes.encode(text.substring(literal)));
		return NameBytes.decode(bytes.toByteArray());
	}

	private static int hex(String text, int from, int digits) {
		int value = 0;
		for (int i = from; i < from + digits; i++) {
			int digit = i < text.length() && text.charAt(i) < 0x80 ? Character.digit(text.charAt(i), 16) : -1;
			if (digit < 0) {
				throw new IllegalArgumentException("\\" + text.charAt(from - 1) + " needs " + digits + " hex digits: '"
						+ escape(text.substring(from - 2, Math.min(text.length(), from + digits))) + "'");
			}
			value = value << 4 | digit;
		}
		return value;
	}
}
