package org.ipcscope.core.text;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one JSON object whose values are strings, numbers, booleans or null: all a capture
 * line or a capture header holds. Nested values are refused with the column where they start.
 */
public final class FlatJson {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

	private final String text;
	private int at;

	private FlatJson(String text) {
		this.text = text;
	}

	/** @return the members, numbers as their text, null as {@code null} */
	public static Map<String, String> parse(String line) {
		return new FlatJson(line).object();
	}

	private Map<String, String> object() {
		Map<String, String> members = new LinkedHashMap<>();
		skipBlanks();
		expect('{');
		skipBlanks();
		if (peek() == '}') {
			at++;
			return end(members);
		}
		while (true) {
			skipBlanks();
			String key = string();
			skipBlanks();
			expect(':');
			skipBlanks();
			members.put(key, value());
			skipBlanks();
			char c = next();
			if (c == '}') {
				return end(members);
			}
			if (c != ',') {
				throw error("',' or '}' expected");
			}
		}
	}

	private Map<String, String> end(Map<String, String> members) {
		skipBlanks();
		if (at != text.length()) {
			throw error("text after the object");
		}
		return members;
	}

	private String value() {
		char c = peek();
		if (c == '"') {
			return string();
		}
		if (c == '{' || c == '[') {
			throw error("nested values are not part of this format");
		}
		int start = at;
		while (at < text.length() && ",} \t".indexOf(text.charAt(at)) < 0) {
			at++;
		}
		String word = text.substring(start, at);
		if (word.equals("null")) {
			return null;
		}
		if (word.equals("true") || word.equals("false") || NUMBER.matcher(word).matches()) {
			return word;
		}
		throw new IllegalArgumentException("column " + (start + 1) + ": not a JSON value: " + word);
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = next();
			switch (e) {
			case '"', '\\', '/' -> out.append(e);
			case 'b' -> out.append('\b');
			case 'f' -> out.append('\f');
			case 'n' -> out.append('\n');
			case 'r' -> out.append('\r');
			case 't' -> out.append('\t');
			case 'u' -> {
				if (at + 4 > text.length() || !text.substring(at, at + 4).chars().allMatch(HexFormat::isHexDigit)) {
					throw error("\\u takes four hex digits");
				}
				out.append((char) HexFormat.fromHexDigits(text, at, at + 4));
				at += 4;
			}
			default -> throw error("unknown escape \\" + e);
			}
		}
	}

	private void skipBlanks() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}

	private char peek() {
		if (at >= text.length()) {
			throw error("unexpected end of line");
		}
		return text.charAt(at);
	}

	private char next() {
		char c = peek();
		at++;
		return c;
	}

	private void expect(char c) {
		if (next() != c) {
			at--;
			throw error("'" + c + "' expected");
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("column " + (at + 1) + ": " + what);
	}
}
