package org.ipcscope.cli.internal;

import java.io.PrintStream;

import org.ipcscope.core.text.Printable;

/**
 * The command line's stderr: each message a line, whatever it quotes. Messages echo what users and
 * other processes chose (names, paths, arguments, the system's error texts), so everything
 * printed is escaped ({@link Printable}) except the line ends println and {@code %n} add:
 * a name's newline cannot forge a line nor an escape sequence reach the terminal. Bytes written
 * as bytes ({@link #write(byte[], int, int)}: a server's answer, escaped where it was made) pass.
 */
final class EscapedMessages extends PrintStream {

	private final PrintStream raw;

	private EscapedMessages(PrintStream raw) {
		super(raw, true, raw.charset());
		this.raw = raw;
	}

	static EscapedMessages of(PrintStream stream) {
		return stream instanceof EscapedMessages escaped ? escaped : new EscapedMessages(stream);
	}

	/** The stream underneath, for text this program wrote itself on several lines (the usage). */
	PrintStream raw() {
		return raw;
	}

	@Override
	public void print(String text) {
		String value = String.valueOf(text);
		// a Formatter appends %n on its own: that alone is a line end of ours
		super.print(value.equals(System.lineSeparator()) ? value : Printable.escape(value));
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
}
