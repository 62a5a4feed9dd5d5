package org.ipcscope.core.struct;

/**
 * A header that cannot be read as the supported C: the message starts with
 * {@code FILE:LINE:COLUMN: } (1-based), as compilers print it.
 */
public final class HeaderProblem extends Exception {

	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final int column;
	private final String reason;

	public HeaderProblem(String file, int line, int column, String reason) {
		super(file + ":" + line + ":" + column + ": " + reason);
		this.file = file;
		this.line = line;
		this.column = column;
		this.reason = reason;
	}

	HeaderProblem(CToken at, String reason) {
		this(at.file(), at.line(), at.column(), reason);
	}

	/** @return the header's name as given (a path, or the name given to pasted text) */
	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}

	/** @return the message without its position */
	public String reason() {
		return reason;
	}
}
