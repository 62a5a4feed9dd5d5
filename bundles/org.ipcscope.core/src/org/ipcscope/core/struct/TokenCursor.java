package org.ipcscope.core.struct;

import java.util.List;

import org.ipcscope.core.struct.CToken.Kind;

/**
 * A position in a preprocessed header's tokens, with the steps every part of the declaration
 * reader takes: look ahead, take a punctuator, expect one, and skip what is not read (balanced
 * brackets, initializers, declarations of no interest). Past the last token it yields an END token
 * placed right after it, so that messages about a missing token name a position.
 */
final class TokenCursor {

	private final List<CToken> tokens;
	private final CToken end;
	int pos;

	/** @param fallback where the END token is when there are no tokens */
	TokenCursor(List<CToken> tokens, CToken fallback) {
		this.tokens = tokens;
		CToken last = tokens.isEmpty() ? fallback : tokens.get(tokens.size() - 1);
		this.end = new CToken(Kind.END, "", last.file(), last.line(), last.column() + last.text().length());
	}

	/** A cursor over a header named {@code file}, its END at 1:1 when it is empty. */
	static TokenCursor of(List<CToken> tokens, String file) {
		return new TokenCursor(tokens, new CToken(Kind.END, "", file, 1, 1));
	}

	CToken end() {
		return end;
	}

	int size() {
		return tokens.size();
	}

	CToken get(int index) {
		return tokens.get(index);
	}

	List<CToken> between(int from, int to) {
		return tokens.subList(from, to);
	}

	CToken peek() {
		return pos < tokens.size() ? tokens.get(pos) : end;
	}

	CToken peek(int ahead) {
		return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : end;
	}

	boolean atEnd() {
		return peek().kind() == Kind.END;
	}

	boolean take(String punct) {
		CToken t = peek();
		if (t.kind() != Kind.END && t.kind() != Kind.STRING && t.kind() != Kind.CHAR && t.text().equals(punct)) {
			pos++;
			return true;
		}
		return false;
	}

	CToken expect(String punct, String where) throws HeaderProblem {
		CToken t = peek();
		if (!take(punct)) {
			throw new HeaderProblem(t, "'" + punct + "' expected " + where + ", not " + t);
		}
		return t;
	}

	/** Skips what is not a declaration this reader knows: to the next ';' or past a braced body. */
	void skipUnknown() throws HeaderProblem {
		int depth = 0;
		while (!atEnd()) {
			CToken t = peek();
			pos++;
			if (t.is("(") || t.is("[")) {
				depth++;
			} else if (t.is(")") || t.is("]")) {
				depth--;
			} else if (t.is("{")) {
				pos--;
				skipBalanced();
				if (depth <= 0) {
					take(";");
					return;
				}
			} else if (t.is(";") && depth <= 0) {
				return;
			}
		}
	}

	/** Skips from an opening bracket past its closing one. */
	void skipBalanced() throws HeaderProblem {
		CToken open = peek();
		int depth = 0;
		do {
			CToken t = peek();
			if (t.kind() == Kind.END) {
				throw new HeaderProblem(open, "'" + open.text() + "' is not closed");
			}
			pos++;
			if (t.is("{") || t.is("(") || t.is("[")) {
				depth++;
			} else if (t.is("}") || t.is(")") || t.is("]")) {
				depth--;
			}
		} while (depth > 0);
	}

	void skipInitializer() throws HeaderProblem {
		while (!peek().is(",") && !peek().is(";") && !atEnd()) {
			if (peek().is("{") || peek().is("(")) {
				skipBalanced();
			} else {
				pos++;
			}
		}
	}

}
