package org.ipcscope.core.struct;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.core.struct.CToken.Kind;

/**
 * Reads an enum after its keyword: the tag, a fixed underlying type ({@code enum e : uint8_t}), the
 * enumerators (which become constants for later expressions) and the size the ABI gives it.
 */
final class EnumReader {

	private final HeaderParser parser;
	private final TokenCursor in;
	private final HeaderNames names;
	private final Abi abi;

	EnumReader(HeaderParser parser, TokenCursor in, HeaderNames names, Abi abi) {
		this.parser = parser;
		this.in = in;
		this.names = names;
		this.abi = abi;
	}

	CType enumeration() throws HeaderProblem {
		DeclSpecifiers attributes = new DeclSpecifiers();
		parser.attributes().leading(attributes);
		CToken tagToken = in.peek().kind() == Kind.IDENT ? in.peek() : null;
		if (tagToken != null) {
			in.pos++;
		}
		String key = tagToken == null ? "enum <anonymous " + parser.nextAnonymous() + ">" : "enum " + tagToken.text();
		CType fixed = null;
		if (in.take(":")) {
			DeclSpecifiers base = parser.specifiers(true);
			fixed = base.type;
		}
		if (!in.peek().is("{")) {
			CType known = names.tags.get(key);
			if (known != null) {
				return known;
			}
			return new CType.Enum(key, fixed == null ? 4 : fixed.size(), fixed == null ? 4 : fixed.align(), true, Map.of());
		}
		in.pos++;
		Map<Long, String> enumerators = new LinkedHashMap<>();
		long next = 0;
		long min = 0;
		long max = 0;
		while (!in.take("}")) {
			CToken name = in.peek();
			if (name.kind() != Kind.IDENT) {
				throw new HeaderProblem(name, "an enumerator's name expected, not " + name);
			}
			in.pos++;
			if (in.take("=")) {
				int from = in.pos;
				int depth = 0;
				while (!in.atEnd() && !(depth == 0 && (in.peek().is(",") || in.peek().is("}")))) {
					if (in.peek().is("(")) {
						depth++;
					} else if (in.peek().is(")")) {
						depth--;
					}
					in.pos++;
				}
				next = ConstantExpression.evaluate(in.between(from, in.pos), names::constant, in.peek());
			}
			names.constants.put(name.text(), next);
			enumerators.putIfAbsent(next, name.text());
			min = enumerators.size() == 1 ? next : Math.min(min, next);
			max = enumerators.size() == 1 ? next : Math.max(max, next);
			next++;
			if (!in.take(",")) {
				in.expect("}", "after the last enumerator");
				break;
			}
		}
		parser.attributes().leading(attributes);
		long size;
		if (fixed != null) {
			size = fixed.size();
		} else if (attributes.packed) {
			size = fits(min, max, 1) ? 1 : fits(min, max, 2) ? 2 : fits(min, max, 4) ? 4 : 8;
		} else if (abi.msBitfields()) {
			size = 4;
		} else {
			size = fits(min, max, 4) ? 4 : 8;
		}
		CType.Enum type = new CType.Enum(tagToken == null ? "enum {...}" : key, size, (int) size, min < 0, enumerators);
		names.tags.put(key, type);
		if (tagToken != null) {
			names.defined.put(key, type);
		}
		return type;
	}

	/** @return whether the range fits a signed or an unsigned integer of this size, as GCC chooses */
	private static boolean fits(long min, long max, int size) {
		if (size == 8) {
			return true;
		}
		long bits = size * 8L;
		if (min < 0) {
			return min >= -(1L << (bits - 1)) && max < 1L << (bits - 1);
		}
		return max < 1L << bits;
	}
}
