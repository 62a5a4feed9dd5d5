package org.ipcscope.cli.internal;

import java.io.PrintStream;

import org.ipcscope.core.text.Printable;

/**
 * Standard error as the verbs print their messages on it: each message stays one line of bounded
 * length whatever it quotes (a name, a path, a pattern, an expression as the user typed it, the
 * system's error text), escaped as {@link Printable} says ({@code \n}, {@code \x1b}, {@code \xff},
 * {@code \\}) instead of reaching the terminal. Everything printed as text goes through
 * {@link #print(String)}, printf's pieces included; a line separator printed alone ends the line.
 * Bytes written as bytes (a server's reply, escaped where it was made) pass as they are.
 */
final class MessageStream extends PrintStream {

	/** Characters of one print at most: a 128 KiB argument quoted whole is no message. */
	static final int MAX_CHARS = 1000;

	private MessageStream(PrintStream err) {
		super(err, true, err.charset());
	}

	static PrintStream wrap(PrintStream err) {
		return err instanceof MessageStream ? err : new MessageStream(err);
	}

	@Override
	public void print(String text) {
		super.print(text == null || text.equals(System.lineSeparator()) ? text : escape(text));
	}

	@Override
	public void print(Object value) {
		print(String.valueOf(value));
	}

	@Override
	public void print(char c) {
		print(String.valueOf(c));
	}

	@Override
	public void print(char[] text) {
		print(new String(text));
	}

	@Override
	public void println(String text) {
		synchronized (this) {
			print(text);
			super.println();
		}
	}

	@Override
	public void println(Object value) {
		println(String.valueOf(value));
	}

	@Override
	public void println(char c) {
		println(String.valueOf(c));
	}

	@Override
	public void println(char[] text) {
		println(new String(text));
	}

	/** @return the text escaped ({@link Printable#escape}), cut to {@link #MAX_CHARS} */
	static String escape(String text) {
		String escaped = Printable.escape(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
		return text.length() > MAX_CHARS ? escaped + "... (" + (text.length() - MAX_CHARS) + " more characters)" : escaped;
	}
}
