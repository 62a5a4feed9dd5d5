package org.ipcscope.core.struct;

import java.util.List;

import org.ipcscope.core.struct.CToken.Kind;

/**
 * Reads the alignment and packing a declaration asks for: {@code __attribute__((packed,
 * aligned(n)))}, {@code __declspec(align(n))}, {@code alignas(n)} and {@code _Alignas(type)}.
 * Other attributes and declspecs are skipped.
 */
final class AttributeReader {

	/** GCC's {@code aligned} without a number: the largest alignment of the target. */
	private static final int DEFAULT_ALIGNED = 16;

	private final HeaderParser parser;
	private final TokenCursor in;

	AttributeReader(HeaderParser parser, TokenCursor in) {
		this.parser = parser;
		this.in = in;
	}

	static boolean isAttribute(String word) {
		return word.equals("__attribute__") || word.equals("__attribute");
	}

	static boolean isAlignas(String word) {
		return word.equals("alignas") || word.equals("_Alignas");
	}

	/** Reads the attributes, declspecs and alignas that come next into {@code into}. */
	void leading(DeclSpecifiers into) throws HeaderProblem {
		while (true) {
			String word = in.peek().text();
			if (in.peek().kind() != Kind.IDENT) {
				return;
			}
			if (isAttribute(word)) {
				attributes(into);
			} else if (word.equals("__declspec")) {
				declspec(into);
			} else if (isAlignas(word)) {
				into.align = Math.max(into.align, alignas());
			} else {
				return;
			}
		}
	}

	int alignas() throws HeaderProblem {
		CToken at = in.peek();
		in.pos++;
		in.expect("(", "after " + at.text());
		int start = in.pos;
		int depth = 1;
		while (depth > 0) {
			if (in.atEnd()) {
				throw new HeaderProblem(at, "')' missing after " + at.text());
			}
			if (in.peek().is("(")) {
				depth++;
			} else if (in.peek().is(")")) {
				depth--;
			}
			in.pos++;
		}
		List<CToken> inside = in.between(start, in.pos - 1);
		CToken after = in.get(in.pos - 1);
		if (!inside.isEmpty() && (parser.names().typedefs.containsKey(inside.get(0).text())
				|| HeaderParser.TYPE_WORDS.contains(inside.get(0).text()) || inside.get(0).is("struct")
				|| inside.get(0).is("union") || inside.get(0).is("enum"))) {
			return parser.typeName(inside, after).align();
		}
		return alignment(at, ConstantExpression.evaluate(inside, parser.names()::constant, after));
	}

	private static int alignment(CToken at, long value) throws HeaderProblem {
		if (value < 0 || value > 8192 || Long.bitCount(value) > 1) {
			throw new HeaderProblem(at, "an alignment is a power of two, not " + value);
		}
		return (int) value;
	}

	/** {@code __attribute__((packed, aligned(n), ...))}: packed and aligned count, the rest is skipped. */
	void attributes(DeclSpecifiers specs) throws HeaderProblem {
		CToken at = in.peek();
		in.pos++;
		in.expect("(", "after __attribute__");
		in.expect("(", "after __attribute__(");
		while (!in.take(")")) {
			CToken name = in.peek();
			if (name.kind() == Kind.END) {
				throw new HeaderProblem(at, "__attribute__ is not closed");
			}
			in.pos++;
			String word = name.text().replace("__", "");
			if (word.equals("packed")) {
				specs.packed = true;
			} else if (word.equals("aligned")) {
				specs.align = Math.max(specs.align, in.peek().is("(") ? parenthesisedAlignment(name) : DEFAULT_ALIGNED);
			} else if (in.peek().is("(")) {
				in.skipBalanced();
			}
			in.take(",");
		}
		in.expect(")", "closing __attribute__");
	}

	private int parenthesisedAlignment(CToken at) throws HeaderProblem {
		int start = in.pos;
		in.skipBalanced();
		List<CToken> inside = in.between(start + 1, in.pos - 1);
		return alignment(at, ConstantExpression.evaluate(inside, parser.names()::constant, in.get(in.pos - 1)));
	}

	/** {@code __declspec(align(n))} counts; other declspecs are skipped. */
	void declspec(DeclSpecifiers specs) throws HeaderProblem {
		in.pos++;
		in.expect("(", "after __declspec");
		while (!in.take(")")) {
			CToken name = in.peek();
			if (name.kind() == Kind.END) {
				throw new HeaderProblem(name, "__declspec is not closed");
			}
			in.pos++;
			if (name.text().equals("align") && in.peek().is("(")) {
				specs.align = Math.max(specs.align, parenthesisedAlignment(name));
			} else if (in.peek().is("(")) {
				in.skipBalanced();
			}
		}
	}
}
