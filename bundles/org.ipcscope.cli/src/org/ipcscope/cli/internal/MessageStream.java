package org.ipcscope.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error as the verbs print their messages on it: each message stays one line of bounded
 * length whatever it quotes (a name, a pattern, an expression as the user typed it), with control
 * characters shown as escapes ({@code \n}, {@code \x1b}) instead of reaching the terminal.
 * Everything printed as text goes through {@link #print(String)}, printf's pieces included; a line
 * separator printed alone ends the line. Bytes written as bytes (a server's reply) pass as they are.
 */
final class MessageStream extends PrintStream {

	/** Characters of one print at most: a 128 KiB argument quoted whole is no message. */
	static final int MAX_CHARS = 1000;

	private MessageStream(PrintStream err) {
		super(err, true, StandardCharsets.UTF_8);
	}

	static PrintStream wrap(PrintStream err) {
		return err instanceof MessageStream ? err : new MessageStream(err);
	}

	@Override
	public void print(String text) {
		super.print(text == null || text.equals(System.lineSeparator()) ? text : escape(text));
	}

	/** @return the text with control characters escaped, cut to {@link #MAX_CHARS} */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		int length = Math.min(text.length(), MAX_CHARS);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			switch (c) {
			case '\n' -> escaped.append("\\n");
			case '\r' -> escaped.append("\\r");
			case '\t' -> escaped.append("\\t");
			default -> {
				if (c < 0x20 || c >= 0x7f && c < 0xa0) {
					escaped.append(String.format(c < 0x80 ? "\\x%02x" : "\\u%04x", (int) c));
				} else {
					escaped.append(c);
				}
			}
			}
		}
		if (text.length() > length) {
			escaped.append("... (").append(text.length() - length).append(" more characters)");
		}
		return escaped.toString();
	}
}
