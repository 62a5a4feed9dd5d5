package org.ipcscope.core.struct;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.struct.CToken.Kind;

/**
 * Splits C text into logical lines of tokens: comments become white space, a backslash at the end
 * of a line joins it with the next, and each token keeps the line and column it was written at.
 */
final class CLexer {

	private static final String[] PUNCT3 = { "<<=", ">>=", "..." };
	private static final String[] PUNCT2 = { "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=",
			"-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", "::" };

	private final String text;
	private final String file;
	private int pos;
	private int line = 1;
	private int column = 1;

	private CLexer(String text, String file) {
		this.text = text;
		this.file = file;
	}

	/** @return the logical lines; a directive's line starts with the token {@code #} */
	static List<List<CToken>> lines(String text, String file) throws HeaderProblem {
		return new CLexer(text, file).all();
	}

	private List<List<CToken>> all() throws HeaderProblem {
		List<List<CToken>> lines = new ArrayList<>();
		List<CToken> current = new ArrayList<>();
		while (true) {
			skipBlanks();
			if (pos >= text.length()) {
				break;
			}
			char c = text.charAt(pos);
			if (c == '\n') {
				advance();
				if (!current.isEmpty()) {
					lines.add(current);
					current = new ArrayList<>();
				}
				continue;
			}
			current.add(token());
		}
		if (!current.isEmpty()) {
			lines.add(current);
		}
		return lines;
	}

	private char peek(int ahead) {
		int at = pos;
		// a backslash-newline is invisible everywhere
		for (int seen = 0;; seen++) {
			at = skipSplices(at);
			if (at >= text.length()) {
				return '\0';
			}
			if (seen == ahead) {
				return text.charAt(at);
			}
			at++;
		}
	}

	private int skipSplices(int at) {
		while (at < text.length() && text.charAt(at) == '\\') {
			int next = at + 1;
			if (next < text.length() && text.charAt(next) == '\r') {
				next++;
			}
			if (next < text.length() && text.charAt(next) == '\n') {
				at = next + 1;
			} else {
				break;
			}
		}
		return at;
	}

	private char advance() {
		int at = skipSplices(pos);
		for (int i = pos; i < at; i++) {
			move(text.charAt(i));
		}
		pos = at;
		char c = text.charAt(pos++);
		move(c);
		return c;
	}

	private void move(char c) {
		if (c == '\n') {
			line++;
			column = 1;
		} else {
			column++;
		}
	}

	private void skipBlanks() throws HeaderProblem {
		while (true) {
			char c = peek(0);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') {
				advance();
			} else if (c == '/' && peek(1) == '/') {
				while (peek(0) != '\n' && peek(0) != '\0') {
					advance();
				}
			} else if (c == '/' && peek(1) == '*') {
				int startLine = line;
				int startColumn = column;
				advance();
				advance();
				while (!(peek(0) == '*' && peek(1) == '/')) {
					if (peek(0) == '\0') {
						throw new HeaderProblem(file, startLine, startColumn, "comment not closed");
					}
					// a newline inside a comment does not end a logical line
					advance();
				}
				advance();
				advance();
			} else {
				pos = skipSplices(pos);
				return;
			}
		}
	}

	private CToken token() throws HeaderProblem {
		int startLine = line;
		int startColumn = column;
		StringBuilder out = new StringBuilder();
		char c = peek(0);
		Kind kind;
		if (Character.isLetter(c) || c == '_' || c == '$') {
			while (Character.isLetterOrDigit(peek(0)) || peek(0) == '_' || peek(0) == '$') {
				out.append(advance());
			}
			kind = Kind.IDENT;
			if ((out.toString().equals("L") || out.toString().equals("u") || out.toString().equals("U")
					|| out.toString().equals("u8")) && (peek(0) == '\'' || peek(0) == '"')) {
				return quoted(out, startLine, startColumn);
			}
		} else if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
			while (true) {
				char d = peek(0);
				if ((d == '+' || d == '-') && out.length() > 0 && "eEpP".indexOf(out.charAt(out.length() - 1)) >= 0) {
					out.append(advance());
				} else if (Character.isLetterOrDigit(d) || d == '.' || d == '_' || d == '\'') {
					out.append(advance());
				} else {
					break;
				}
			}
			kind = Kind.NUMBER;
		} else if (c == '"' || c == '\'') {
			return quoted(out, startLine, startColumn);
		} else {
			kind = Kind.PUNCT;
			String three = "" + c + peek(1) + peek(2);
			String two = three.substring(0, 2);
			int length = 1;
			for (String p : PUNCT3) {
				if (p.equals(three)) {
					length = 3;
				}
			}
			for (String p : PUNCT2) {
				if (length == 1 && p.equals(two)) {
					length = 2;
				}
			}
			for (int i = 0; i < length; i++) {
				out.append(advance());
			}
		}
		return new CToken(kind, out.toString(), file, startLine, startColumn);
	}

	private CToken quoted(StringBuilder out, int startLine, int startColumn) throws HeaderProblem {
		char quote = advance();
		out.append(quote);
		while (true) {
			char c = peek(0);
			if (c == '\0' || c == '\n') {
				throw new HeaderProblem(file, startLine, startColumn, (quote == '"' ? "string" : "character constant")
						+ " not closed on its line");
			}
			out.append(advance());
			if (c == '\\') {
				if (peek(0) == '\0') {
					throw new HeaderProblem(file, startLine, startColumn, "string not closed");
				}
				out.append(advance());
			} else if (c == quote) {
				break;
			}
		}
		return new CToken(quote == '"' ? Kind.STRING : Kind.CHAR, out.toString(), file, startLine, startColumn);
	}
}
