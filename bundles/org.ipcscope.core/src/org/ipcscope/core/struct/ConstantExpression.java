package org.ipcscope.core.struct;

import java.util.List;

import org.ipcscope.core.struct.CToken.Kind;

/**
 * Evaluates a C integer constant expression (array sizes, enumerators, bitfield widths,
 * {@code #if}) in 64-bit arithmetic: every C operator that a constant may use, with C's precedence.
 */
final class ConstantExpression {

	/** What an identifier, or {@code sizeof}/{@code _Alignof} of a parenthesised type, stands for. */
	interface Names {
		/** @return the identifier's value */
		long value(CToken identifier) throws HeaderProblem;

		/**
		 * @param operator {@code sizeof} or {@code _Alignof}
		 * @param tokens   the tokens between the parentheses
		 */
		default long measure(CToken operator, List<CToken> tokens) throws HeaderProblem {
			throw new HeaderProblem(operator, operator.text() + " is not supported here");
		}
	}

	private final List<CToken> tokens;
	private final Names names;
	private final CToken end;
	private int pos;
	private int depth;
	/** Parentheses and unary operators nest at most this deep: the evaluator recurses, and a header is input. */
	static final int MAX_DEPTH = 200;

	private ConstantExpression(List<CToken> tokens, Names names, CToken end) {
		this.tokens = tokens;
		this.names = names;
		this.end = end;
	}

	/**
	 * @param end where to report a missing operand: the token after the expression
	 * @return the value of all of {@code tokens}
	 */
	static long evaluate(List<CToken> tokens, Names names, CToken end) throws HeaderProblem {
		ConstantExpression expression = new ConstantExpression(tokens, names, end);
		if (tokens.isEmpty()) {
			throw new HeaderProblem(end, "a constant expression is missing");
		}
		long value = expression.conditional();
		if (expression.pos < tokens.size()) {
			throw new HeaderProblem(tokens.get(expression.pos), "unexpected " + tokens.get(expression.pos)
					+ " in a constant expression");
		}
		return value;
	}

	private CToken peek() {
		return pos < tokens.size() ? tokens.get(pos) : end;
	}

	private boolean take(String punct) {
		if (pos < tokens.size() && tokens.get(pos).is(punct) && tokens.get(pos).kind() == Kind.PUNCT) {
			pos++;
			return true;
		}
		return false;
	}

	private long conditional() throws HeaderProblem {
		long condition = binary(0);
		if (take("?")) {
			long yes = conditional();
			if (!take(":")) {
				throw new HeaderProblem(peek(), "':' expected in a ?: expression");
			}
			long no = conditional();
			return condition != 0 ? yes : no;
		}
		return condition;
	}

	private static final String[][] LEVELS = { { "||" }, { "&&" }, { "|" }, { "^" }, { "&" }, { "==", "!=" },
			{ "<", ">", "<=", ">=" }, { "<<", ">>" }, { "+", "-" }, { "*", "/", "%" } };

	private long binary(int level) throws HeaderProblem {
		if (level == LEVELS.length) {
			return unary();
		}
		long left = binary(level + 1);
		while (true) {
			CToken at = peek();
			String operator = null;
			for (String candidate : LEVELS[level]) {
				if (at.kind() == Kind.PUNCT && at.text().equals(candidate)) {
					operator = candidate;
				}
			}
			if (operator == null) {
				return left;
			}
			pos++;
			long right = binary(level + 1);
			left = apply(operator, left, right, at);
		}
	}

	private static long apply(String operator, long left, long right, CToken at) throws HeaderProblem {
		return switch (operator) {
		case "||" -> left != 0 || right != 0 ? 1 : 0;
		case "&&" -> left != 0 && right != 0 ? 1 : 0;
		case "|" -> left | right;
		case "^" -> left ^ right;
		case "&" -> left & right;
		case "==" -> left == right ? 1 : 0;
		case "!=" -> left != right ? 1 : 0;
		case "<" -> left < right ? 1 : 0;
		case ">" -> left > right ? 1 : 0;
		case "<=" -> left <= right ? 1 : 0;
		case ">=" -> left >= right ? 1 : 0;
		case "<<" -> right < 0 || right > 63 ? 0 : left << right;
		case ">>" -> right < 0 || right > 63 ? 0 : left >> right;
		case "+" -> left + right;
		case "-" -> left - right;
		case "*" -> left * right;
		case "/", "%" -> {
			if (right == 0) {
				throw new HeaderProblem(at, "division by zero in a constant expression");
			}
			yield operator.equals("/") ? left / right : left % right;
		}
		default -> throw new IllegalStateException(operator);
		};
	}

	private long unary() throws HeaderProblem {
		if (++depth > MAX_DEPTH) {
			throw new HeaderProblem(peek(), "a constant expression nested deeper than " + MAX_DEPTH);
		}
		try {
			return operand();
		} finally {
			depth--;
		}
	}

	private long operand() throws HeaderProblem {
		if (take("-")) {
			return -unary();
		}
		if (take("+")) {
			return unary();
		}
		if (take("!")) {
			return unary() == 0 ? 1 : 0;
		}
		if (take("~")) {
			return ~unary();
		}
		if (take("(")) {
			long value = conditional();
			if (!take(")")) {
				throw new HeaderProblem(peek(), "')' expected");
			}
			return value;
		}
		CToken token = peek();
		pos++;
		return switch (token.kind()) {
		case NUMBER -> number(token);
		case CHAR -> character(token);
		case IDENT -> identifier(token);
		default -> throw new HeaderProblem(token, "a constant expected, not " + token);
		};
	}

	private long identifier(CToken token) throws HeaderProblem {
		String word = token.text();
		if (word.equals("sizeof") || word.equals("_Alignof") || word.equals("alignof") || word.equals("__alignof__")) {
			if (!take("(")) {
				throw new HeaderProblem(peek(), word + " needs a type in parentheses here");
			}
			int start = pos;
			int depth = 1;
			while (pos < tokens.size()) {
				CToken t = tokens.get(pos);
				if (t.kind() == Kind.PUNCT && t.text().equals("(")) {
					depth++;
				} else if (t.kind() == Kind.PUNCT && t.text().equals(")") && --depth == 0) {
					break;
				}
				pos++;
			}
			if (pos >= tokens.size()) {
				throw new HeaderProblem(token, "')' missing after " + word);
			}
			List<CToken> inside = tokens.subList(start, pos);
			pos++;
			return names.measure(token, inside);
		}
		return names.value(token);
	}

	/** @return the value of an integer literal: decimal, 0x hex, 0b binary, octal, with u/l suffixes */
	static long number(CToken token) throws HeaderProblem {
		String text = token.text().replace("'", "").toLowerCase();
		while (text.endsWith("u") || text.endsWith("l")) {
			text = text.substring(0, text.length() - 1);
		}
		try {
			if (text.startsWith("0x")) {
				return Long.parseUnsignedLong(text.substring(2), 16);
			}
			if (text.startsWith("0b")) {
				return Long.parseUnsignedLong(text.substring(2), 2);
			}
			if (text.length() > 1 && text.startsWith("0")) {
				return Long.parseUnsignedLong(text.substring(1), 8);
			}
			return Long.parseUnsignedLong(text);
		} catch (NumberFormatException e) {
			throw new HeaderProblem(token, "not an integer constant: '" + token.text() + "'");
		}
	}

	private static long character(CToken token) throws HeaderProblem {
		String text = token.text();
		String body = text.substring(text.indexOf('\'') + 1, text.length() - 1);
		if (body.length() == 1) {
			return body.charAt(0);
		}
		if (body.startsWith("\\")) {
			char c = body.charAt(1);
			switch (c) {
			case 'n':
				return '\n';
			case 't':
				return '\t';
			case 'r':
				return '\r';
			case '0':
				if (body.length() == 2) {
					return 0;
				}
				return Long.parseLong(body.substring(1), 8);
			case 'x':
				return Long.parseLong(body.substring(2), 16);
			default:
				if (body.length() == 2) {
					return c;
				}
			}
		}
		throw new HeaderProblem(token, "character constant not supported: " + text);
	}
}
