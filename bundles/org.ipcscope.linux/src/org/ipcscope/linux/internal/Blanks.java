package org.ipcscope.linux.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the blank-separated columns of /proc files, as {@code line.strip().split("\\s+", limit)}
 * would: by hand, because a regular expression per line is a good part of a refresh's Java time.
 */
final class Blanks {

	private Blanks() {
	}

	static String[] split(String line) {
		return split(line, 0);
	}

	/** @param limit at most this many fields, the last one holding the rest; 0 for no limit */
	static String[] split(String line, int limit) {
		String text = line.strip();
		List<String> fields = new ArrayList<>(12);
		int at = 0;
		int length = text.length();
		while (true) {
			if (limit > 0 && fields.size() == limit - 1) {
				fields.add(text.substring(at));
				break;
			}
			int end = at;
			while (end < length && !isBlank(text.charAt(end))) {
				end++;
			}
			fields.add(text.substring(at, end));
			if (end == length) {
				break;
			}
			at = end;
			while (at < length && isBlank(text.charAt(at))) {
				at++;
			}
		}
		return fields.toArray(new String[0]);
	}

	/** What {@code \s} matches. */
	static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}
}
