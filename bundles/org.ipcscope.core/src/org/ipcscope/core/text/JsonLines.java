package org.ipcscope.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reading the project's JSON Lines files (capture files of either kind): each non-blank line one
 * flat object; a line with a {@code format} member is a header. Errors name the line.
 */
public final class JsonLines {

	private JsonLines() {
	}

	/**
	 * Hands each line's members to {@code header} or {@code record}; they throw
	 * IllegalArgumentException for what they refuse.
	 *
	 * @throws IOException naming the line of anything refused, and why
	 */
	public static void read(BufferedReader in, Consumer<Map<String, String>> header,
			Consumer<Map<String, String>> record) throws IOException {
		int number = 0;
		for (String text = in.readLine(); text != null; text = in.readLine()) {
			number++;
			if (text.isBlank()) {
				continue;
			}
			try {
				Map<String, String> json = FlatJson.parse(text);
				(json.containsKey("format") ? header : record).accept(json);
			} catch (IllegalArgumentException e) {
				throw new IOException("line " + number + ": " + e.getMessage(), e);
			}
		}
	}

	/** @throws IllegalArgumentException when the member is missing or null */
	public static String required(Map<String, String> json, String key) {
		String value = json.get(key);
		if (value == null) {
			throw new IllegalArgumentException("\"" + key + "\" is missing");
		}
		return value;
	}

	/** @throws IllegalArgumentException when the member is missing or not a 64-bit integer */
	public static long number(Map<String, String> json, String key) {
		return parse(key, required(json, key));
	}

	/** @return the member as a 64-bit integer, {@code otherwise} when it is missing or null */
	public static long number(Map<String, String> json, String key, long otherwise) {
		String value = json.get(key);
		return value == null ? otherwise : parse(key, value);
	}

	private static long parse(String key, String value) {
		try {
			return Long.parseLong(value);
		} catch (NumberFormatException e) {
			// the JDK's "For input string" names neither the field nor what it should be
			throw new IllegalArgumentException(key + " is not a 64-bit integer: " + value);
		}
	}
}
