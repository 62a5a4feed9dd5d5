package org.ipcscope.core.clipboard;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Rich Text Format as plain text: control words dropped, {@code \par} and {@code \line} as line
 * breaks, {@code \'hh} in the document's ANSI code page ({@code \ansicpgN}), a Unicode control word as the
 * character, and destinations that are not text ({@code \*}, font and colour tables, pictures)
 * skipped.
 */
final class RtfText {

	private RtfText() {
	}

	static ClipboardContent decode(byte[] bytes) {
		String rtf = new String(bytes, 0, ClipboardDecoders.terminator(bytes, 1), StandardCharsets.ISO_8859_1);
		if (!rtf.startsWith("{\\rtf")) {
			throw new IllegalArgumentException("does not start with {\\rtf");
		}
		return new ClipboardContent("rtf", "RTF, shown as plain text", text(rtf));
	}

	static String text(String rtf) {
		StringBuilder out = new StringBuilder();
		Charset ansi = Charset.forName("windows-1252");
		int depth = 0;
		int skipBelow = Integer.MAX_VALUE; // groups at or deeper than this are skipped
		int skipChars = 0; // the fallback characters after a \\uN
		for (int i = 0; i < rtf.length();) {
			char c = rtf.charAt(i);
			if (c == '{') {
				depth++;
				i++;
			} else if (c == '}') {
				if (depth <= skipBelow) {
					skipBelow = Integer.MAX_VALUE;
				}
				depth--;
				i++;
			} else if (c == '\\' && i + 1 < rtf.length()) {
				char next = rtf.charAt(i + 1);
				if (next == '\\' || next == '{' || next == '}') {
					emit(out, next, depth < skipBelow);
					i += 2;
				} else if (next == '\'' && i + 3 < rtf.length()) {
					int value = Integer.parseInt(rtf.substring(i + 2, i + 4), 16);
					if (skipChars > 0) {
						skipChars--;
					} else {
						emit(out, new String(new byte[] { (byte) value }, ansi).charAt(0), depth < skipBelow);
					}
					i += 4;
				} else if (next == '*') {
					skipBelow = Math.min(skipBelow, depth);
					i += 2;
				} else if (Character.isLetter(next)) {
					int j = i + 1;
					while (j < rtf.length() && Character.isLetter(rtf.charAt(j))) {
						j++;
					}
					String word = rtf.substring(i + 1, j);
					int k = j;
					if (k < rtf.length() && (rtf.charAt(k) == '-' || Character.isDigit(rtf.charAt(k)))) {
						k++;
						while (k < rtf.length() && Character.isDigit(rtf.charAt(k))) {
							k++;
						}
					}
					String argument = rtf.substring(j, k);
					if (k < rtf.length() && rtf.charAt(k) == ' ') {
						k++;
					}
					i = k;
					switch (word) {
					case "par", "line" -> emit(out, '\n', depth < skipBelow);
					case "tab" -> emit(out, '\t', depth < skipBelow);
					case "u" -> {
						if (!argument.isEmpty()) {
							emit(out, (char) (Integer.parseInt(argument) & 0xffff), depth < skipBelow);
							skipChars = 1;
						}
					}
					case "ansicpg" -> ansi = codePage(argument, ansi);
					case "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer" ->
						skipBelow = Math.min(skipBelow, depth);
					default -> {
						// formatting: nothing to show
					}
					}
				} else {
					i += 2;
				}
			} else {
				if (c != '\r' && c != '\n') {
					if (skipChars > 0) {
						skipChars--;
					} else {
						emit(out, c, depth < skipBelow);
					}
				}
				i++;
			}
		}
		return out.toString().strip();
	}

	private static void emit(StringBuilder out, char c, boolean shown) {
		if (shown) {
			out.append(c);
		}
	}

	private static Charset codePage(String number, Charset otherwise) {
		try {
			return Charset.forName("windows-" + number);
		} catch (IllegalArgumentException e) {
			return otherwise;
		}
	}
}
