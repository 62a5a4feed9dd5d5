package org.ipcscope.core.hex;

import java.util.HexFormat;

/**
 * Evaluates what users type into "Go to offset": numbers in hex ({@code 0x100}, {@code 100h})
 * or decimal ({@code 256}), {@code + - * /}, parentheses, and {@code $} for the caret, e.g.
 * {@code 0x100+20} or {@code $ + 4*16}. Underscores may group digits. Integer arithmetic; an
 * overflow or a division by zero is an error, not a wrong offset.
 */
public final class OffsetExpression {

	/** Parentheses and signs nest at most this deep: the parser recurses, and its stack is not the user's to fill. */
	static final int MAX_DEPTH = 100;

	private final String text;
	private final long caret;
	private int position;
	private int depth;

	private OffsetExpression(String text, long caret) {
		this.text = text;
		this.caret = caret;
	}

	/**
	 * @param caret the value of {@code $}
	 * @throws IllegalArgumentException with a message for the user that says where it went wrong
	 */
	public static long evaluate(String text, long caret) {
		OffsetExpression parser = new OffsetExpression(text, caret);
		parser.skipSpaces();
		if (parser.atEnd()) {
			throw new IllegalArgumentException("Enter an offset, e.g. 0x100+20");
		}
		long value = parser.sum();
		if (!parser.atEnd()) {
			throw parser.error("unexpected '" + text.charAt(parser.position) + "'");
		}
		return value;
	}

	public static long evaluate(String text) {
		return evaluate(text, 0);
	}

	private long sum() {
		long value = product();
		while (true) {
			if (accept('+')) {
				value = exact(value, product(), '+');
			} else if (accept('-')) {
				value = exact(value, product(), '-');
			} else {
				return value;
			}
		}
	}

	private long product() {
		long value = unary();
		while (true) {
			if (accept('*')) {
				value = exact(value, unary(), '*');
			} else if (accept('/')) {
				int at = position;
				long divisor = unary();
				if (divisor == 0) {
					position = at;
					throw error("division by zero");
				}
				value = value / divisor;
			} else {
				return value;
			}
		}
	}

	private long exact(long a, long b, char operator) {
		try {
			return switch (operator) {
			case '+' -> Math.addExact(a, b);
			case '-' -> Math.subtractExact(a, b);
			default -> Math.multiplyExact(a, b);
			};
		} catch (ArithmeticException e) {
			throw error("the result is too large");
		}
	}

	private long unary() {
		if (++depth > MAX_DEPTH) {
			throw error("parentheses and signs nest deeper than " + MAX_DEPTH + " levels");
		}
		try {
			return signed();
		} finally {
			depth--;
		}
	}

	private long signed() {
		if (accept('-')) {
			long value = unary();
			if (value == Long.MIN_VALUE) {
				throw error("the result is too large");
			}
			return -value;
		}
		if (accept('+')) {
			return unary();
		}
		return primary();
	}

	private long primary() {
		if (accept('(')) {
			long value = sum();
			if (!accept(')')) {
				throw error(atEnd() ? "missing ')'" : "expected ')'");
			}
			return value;
		}
		if (accept('$')) {
			return caret;
		}
		return number();
	}

	private long number() {
		int start = position;
		boolean hex = false;
		if (text.startsWith("0x", position) || text.startsWith("0X", position)) {
			hex = true;
			position += 2;
		}
		StringBuilder digits = new StringBuilder();
		while (position < text.length()
				&& (HexFormat.isHexDigit(text.charAt(position)) || text.charAt(position) == '_')) {
			if (text.charAt(position) != '_') {
				digits.append(text.charAt(position));
			}
			position++;
		}
		if (!hex && position < text.length() && (text.charAt(position) == 'h' || text.charAt(position) == 'H')) {
			hex = true;
			position++;
		}
		if (digits.isEmpty()) {
			position = start;
			throw error(atEnd() ? "a number is missing at the end" : "expected a number");
		}
		skipSpaces();
		String number = digits.toString();
		if (!hex && !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
			position = start;
			throw error("'" + number + "' is not decimal; write hex as 0x" + number);
		}
		try {
			return Long.parseLong(number, hex ? 16 : 10);
		} catch (NumberFormatException e) {
			position = start;
			throw error("the number is too large");
		}
	}

	private boolean accept(char c) {
		skipSpaces();
		if (position < text.length() && text.charAt(position) == c) {
			position++;
			skipSpaces();
			return true;
		}
		return false;
	}

	private void skipSpaces() {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
	}

	private boolean atEnd() {
		skipSpaces();
		return position >= text.length();
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException(message + " at position " + (position + 1) + " of '" + text.trim() + "'");
	}
}
