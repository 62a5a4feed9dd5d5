package org.ipcscope.core.clipboard;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Windows "HTML Format": an ASCII header of {@code Key:value} lines (Version, StartHTML,
 * EndHTML, StartFragment, EndFragment, SourceURL) whose offsets count bytes of the UTF-8 content.
 */
final class HtmlFormat {

	private HtmlFormat() {
	}

	static ClipboardContent decode(byte[] bytes) {
		int end = ClipboardDecoders.terminator(bytes, 1);
		String ascii = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
		Map<String, String> header = new HashMap<>();
		for (String line : ascii.split("\r\n|\n|\r")) {
			int colon = line.indexOf(':');
			if (line.startsWith("<") || colon <= 0) {
				break;
			}
			header.put(line.substring(0, colon), line.substring(colon + 1).trim());
		}
		int start = offset(header, "StartFragment", end);
		int stop = offset(header, "EndFragment", end);
		if (start < 0 || stop < 0) {
			start = offset(header, "StartHTML", end);
			stop = offset(header, "EndHTML", end);
		}
		if (start < 0 || stop < start) {
			throw new IllegalArgumentException("no StartFragment/EndFragment or StartHTML/EndHTML within the content");
		}
		String source = header.getOrDefault("SourceURL", "");
		return new ClipboardContent("html", "HTML fragment, bytes " + start + "-" + stop + " (version "
				+ header.getOrDefault("Version", "?") + ")" + (source.isEmpty() ? "" : ", from " + source),
				new String(bytes, start, stop - start, StandardCharsets.UTF_8));
	}

	/** @return the offset, -1 when missing, or cut to {@code end} when the cap cut the content */
	private static int offset(Map<String, String> header, String key, int end) {
		String value = header.get(key);
		if (value == null) {
			return -1;
		}
		try {
			long offset = Long.parseLong(value);
			return offset < 0 ? -1 : (int) Math.min(offset, end);
		} catch (NumberFormatException e) {
			return -1;
		}
	}
}
