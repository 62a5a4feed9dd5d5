package org.ipcscope.core.struct;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcscope.core.hex.OffsetExpression;

/**
 * What the command line's {@code --struct FILE.h:Type[@OFFSET][xN]} says: the header, the type,
 * where the first element starts, and how many follow one another ({@code Type[N]} is taken too).
 * The offset is an expression such as {@code 0x100+16}; an {@code x} right after a {@code 0} that
 * starts the offset or a term is hex's prefix, not the count.
 */
public record OverlaySpec(String header, String typeName, long offset, int count) {

	/** More elements than this would not fit in any window a viewer shows. */
	public static final int MAX_COUNT = 65536;

	private static final Pattern BRACKET = Pattern.compile("(.*?)\\s*\\[\\s*([0-9]+)\\s*\\]\\s*");
	private static final Pattern COUNT = Pattern.compile("(.*?)x([0-9]+)");

	/** @throws IllegalArgumentException with a message for the user */
	public static OverlaySpec parse(String text) {
		int colon = text.lastIndexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			throw new IllegalArgumentException("--struct is FILE.h:Type[@OFFSET][xN], not '" + text + "'");
		}
		String header = text.substring(0, colon);
		String rest = text.substring(colon + 1).strip();
		int count = 1;
		Matcher bracket = BRACKET.matcher(rest);
		Matcher counted = COUNT.matcher(rest);
		if (bracket.matches()) {
			rest = bracket.group(1);
			count = count(bracket.group(2));
		} else if (counted.matches() && !hexPrefix(counted.group(1))) {
			rest = counted.group(1);
			count = count(counted.group(2));
		}
		long offset = 0;
		int at = rest.indexOf('@');
		String type = at < 0 ? rest : rest.substring(0, at);
		if (at >= 0) {
			try {
				offset = OffsetExpression.evaluate(rest.substring(at + 1));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("--struct offset: " + e.getMessage());
			}
		}
		type = type.strip();
		if (!type.matches("[A-Za-z_][A-Za-z0-9_ ]*")) {
			throw new IllegalArgumentException("--struct needs a type name after ':', not '" + type + "'");
		}
		return new OverlaySpec(header, type, offset, count);
	}

	/** @return whether what precedes an x ends with a 0 that begins a number: then the x is hex's */
	private static boolean hexPrefix(String before) {
		if (!before.endsWith("0")) {
			return false;
		}
		int i = before.length() - 2;
		return i < 0 || !Character.isLetterOrDigit(before.charAt(i));
	}

	private static int count(String digits) {
		int count;
		try {
			count = Integer.parseInt(digits);
		} catch (NumberFormatException e) {
			count = -1;
		}
		if (count < 1 || count > MAX_COUNT) {
			throw new IllegalArgumentException("--struct count is 1 to " + MAX_COUNT + ", not " + digits);
		}
		return count;
	}
}
