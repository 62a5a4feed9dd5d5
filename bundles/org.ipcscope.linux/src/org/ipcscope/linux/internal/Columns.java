package org.ipcscope.linux.internal;

/**
 * Walks the blank-separated columns of one line of a /proc table without cutting it into
 * Strings first: a refresh reads thousands of such lines and needs only some of their columns.
 * Columns are what {@link Blanks#split} would give.
 */
final class Columns {

	private final String line;
	private int at;
	private int start;
	private int end;

	Columns(String line) {
		this.line = line; // not stripped: next() skips blanks anyway, and a copy per line adds up
	}

	/** @return whether there is a next column; it becomes the current one */
	boolean next() {
		while (at < line.length() && Blanks.isBlank(line.charAt(at))) {
			at++;
		}
		if (at == line.length()) {
			return false;
		}
		start = at;
		while (at < line.length() && !Blanks.isBlank(line.charAt(at))) {
			at++;
		}
		end = at;
		return true;
	}

	/** Skips {@code count} columns. @return whether there was a column after them */
	boolean skip(int count) {
		for (int i = 0; i < count; i++) {
			if (!next()) {
				return false;
			}
		}
		return next();
	}

	/** @throws NumberFormatException if the current column is not a number */
	int intValue(int radix) {
		return Integer.parseInt(line, start, end, radix);
	}

	/** @throws NumberFormatException if the current column is not a number */
	long longValue() {
		return Long.parseLong(line, start, end, 10);
	}

	String text() {
		return line.substring(start, end);
	}

	/** @return the current column and all after it, blanks included, or "" after the last one */
	String rest() {
		while (at < line.length() && Blanks.isBlank(line.charAt(at))) {
			at++;
		}
		return line.substring(at).stripTrailing();
	}
}
