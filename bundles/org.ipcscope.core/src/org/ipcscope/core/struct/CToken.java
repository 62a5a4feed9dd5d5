package org.ipcscope.core.struct;

/** One C token with where it was written: the file as named to the user, 1-based line and column. */
record CToken(Kind kind, String text, String file, int line, int column) {

	enum Kind {
		IDENT, NUMBER, STRING, CHAR, PUNCT, END
	}

	boolean is(String punctOrWord) {
		return text.equals(punctOrWord) && kind != Kind.STRING && kind != Kind.CHAR;
	}

	CToken at(CToken where) {
		return new CToken(kind, text, where.file, where.line, where.column);
	}

	@Override
	public String toString() {
		return kind == Kind.END ? "the end of the header" : "'" + text + "'";
	}
}
