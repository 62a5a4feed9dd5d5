package org.ipcscope.linux.internal;

import java.util.regex.Pattern;

/** Splits the blank-separated columns of /proc files; the pattern is compiled once, not per line. */
final class Blanks {

	private static final Pattern BLANKS = Pattern.compile("\\s+");

	private Blanks() {
	}

	static String[] split(String line) {
		return BLANKS.split(line.strip());
	}

	static String[] split(String line, int limit) {
		return BLANKS.split(line.strip(), limit);
	}
}
