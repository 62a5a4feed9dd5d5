package org.ipcscope.core.struct;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.struct.CToken.Kind;

/**
 * Reads declarators: pointers, a name, array dimensions (constant expressions that may use
 * {@code sizeof} and {@code _Alignof}); function pointers become pointers, functions are marked.
 * Also reads a bare type name, as {@code sizeof(struct point *)} holds.
 */
final class DeclaratorReader {

	/** What a declarator made of the base type. */
	static final class Declarator {
		CType type;
		CToken name;
		boolean function;
		int pointers;
		int arrays;
		int align;

		Declarator(CType type, CToken name) {
			this.type = type;
			this.name = name;
		}
	}

	private final HeaderParser parser;
	private final TokenCursor in;
	private final Abi abi;

	DeclaratorReader(HeaderParser parser, TokenCursor in, Abi abi) {
		this.parser = parser;
		this.in = in;
		this.abi = abi;
	}

	private static boolean callingConvention(CToken t) {
		return t.is("*") || t.is("^") || t.is("__cdecl") || t.is("__stdcall") || t.is("WINAPI") || t.is("CALLBACK");
	}

	Declarator declarator(CType base) throws HeaderProblem {
		int pointers = 0;
		DeclSpecifiers attributes = new DeclSpecifiers();
		while (true) {
			if (in.take("*")) {
				pointers++;
			} else if (in.peek().kind() == Kind.IDENT && HeaderParser.QUALIFIERS.contains(in.peek().text())) {
				in.pos++;
			} else if (in.peek().is("__attribute__") || in.peek().is("__declspec")) {
				parser.attributes().leading(attributes);
			} else {
				break;
			}
		}
		Declarator d = new Declarator(base, null);
		boolean pointerToSomething = false;
		if (in.peek().is("(") && callingConvention(in.peek(1))) {
			in.pos++;
			while (!in.peek().is(")") && !in.atEnd()) {
				if (in.peek().kind() == Kind.IDENT && !HeaderParser.QUALIFIERS.contains(in.peek().text())) {
					d.name = in.peek();
				}
				in.pos++;
			}
			in.expect(")", "after a function pointer's name");
			pointerToSomething = true;
		} else if (in.peek().kind() == Kind.IDENT) {
			d.name = in.peek();
			in.pos++;
		}
		List<Long> dims = new ArrayList<>();
		while (true) {
			if (in.peek().is("[")) {
				CToken open = in.peek();
				dims.add(dimension());
				if (dims.size() > 64) {
					throw new HeaderProblem(open, "an array of more than 64 dimensions");
				}
			} else if (in.peek().is("(")) {
				in.skipBalanced();
				if (!pointerToSomething) {
					d.function = true;
				}
			} else {
				break;
			}
		}
		parser.attributes().leading(attributes);
		d.align = attributes.align;
		CType type = base;
		if (pointers > 0 || pointerToSomething) {
			String stars = "*".repeat(Math.max(1, pointers));
			type = BuiltinTypes.pointer(pointerToSomething ? base.name() + " (" + stars + ")()" : base.name() + " " + stars,
					abi);
		}
		if (!pointerToSomething) {
			for (int i = dims.size() - 1; i >= 0; i--) {
				if (type.size() > 0 && dims.get(i) > HeaderParser.MAX_SIZE / type.size()) {
					throw new HeaderProblem(d.name != null ? d.name : in.peek(), "an array larger than 2^48 bytes");
				}
				type = new CType.Array(type, dims.get(i));
			}
		}
		d.type = type;
		d.pointers = pointers;
		d.arrays = dims.size();
		return d;
	}

	/** @return one {@code [N]}'s count (0 for {@code []}) */
	private long dimension() throws HeaderProblem {
		CToken open = in.peek();
		in.pos++;
		int from = in.pos;
		int depth = 0;
		while (!(depth == 0 && in.peek().is("]"))) {
			if (in.atEnd()) {
				throw new HeaderProblem(open, "']' missing");
			}
			if (in.peek().is("[") || in.peek().is("(")) {
				depth++;
			} else if (in.peek().is("]") || in.peek().is(")")) {
				depth--;
			}
			in.pos++;
		}
		List<CToken> size = in.between(from, in.pos);
		long count = size.isEmpty() ? 0 : ConstantExpression.evaluate(size, constantsAndSizes(), in.peek());
		if (count < 0) {
			throw new HeaderProblem(open, "an array's size is not negative: " + count);
		}
		in.pos++;
		return count;
	}

	private ConstantExpression.Names constantsAndSizes() {
		return new ConstantExpression.Names() {
			@Override
			public long value(CToken identifier) throws HeaderProblem {
				return parser.names().constant(identifier);
			}

			@Override
			public long measure(CToken operator, List<CToken> inside) throws HeaderProblem {
				CType type = parser.typeName(inside, operator);
				return operator.text().equals("sizeof") ? type.size() : type.align();
			}
		};
	}
}
