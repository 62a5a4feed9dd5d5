package org.ipcscope.core.struct;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a header comes from: a file (its {@code #include "..."} resolve next to it, and not out of
 * its directory unless an include directory allows it), or text pasted by the user under a name
 * for messages.
 */
public record HeaderSource(Path file, String text, String name) {

	public HeaderSource {
		Objects.requireNonNull(name);
		if ((file == null) == (text == null)) {
			throw new IllegalArgumentException("a header is a file or a text");
		}
	}

	public static HeaderSource ofFile(Path file) {
		return new HeaderSource(file, null, file.toString());
	}

	/** @param name how messages name the text, such as {@code <pasted>} */
	public static HeaderSource ofText(String text, String name) {
		return new HeaderSource(null, text, name);
	}
}
