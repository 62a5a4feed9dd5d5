package org.ipcscope.core.struct;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.struct.CToken.Kind;
import org.ipcscope.core.struct.CType.Record;

/**
 * Reads the declarations of a preprocessed header and lays out each struct and union when its body
 * ends, under the {@code #pragma pack} in force there. Function declarations and definitions,
 * variables and anything else at file scope that does not start with a type are skipped; inside a
 * struct, everything must be understood.
 */
final class HeaderParser {

	private static final Set<String> QUALIFIERS = Set.of("const", "volatile", "static", "extern", "inline", "__inline",
			"__inline__", "register", "restrict", "__restrict", "__restrict__", "_Noreturn", "__extension__", "auto",
			"__const", "__volatile__", "_Atomic", "__ptr32", "__ptr64", "__unaligned", "__cdecl", "__stdcall",
			"WINAPI", "CALLBACK", "__fastcall", "thread_local", "_Thread_local", "constexpr");
	private static final Set<String> TYPE_WORDS = Set.of("void", "char", "short", "int", "long", "float", "double",
			"signed", "unsigned", "_Bool", "bool", "__signed__", "__unsigned__");
	/** GCC's {@code aligned} without a number: the largest alignment of the target. */
	private static final int DEFAULT_ALIGNED = 16;

	private final List<CToken> tokens;
	private final Abi abi;
	private final CToken end;
	private int pos;
	private final Map<String, CType> typedefs;
	private final Map<String, CType> tags = new HashMap<>();
	private final Map<String, Long> constants = new HashMap<>();
	/** The types the header defines, in order, by the names a user picks them by. */
	final Map<String, CType> defined = new LinkedHashMap<>();
	private int pack;
	private final Deque<Integer> packStack = new ArrayDeque<>();
	private int anonymous;
	private int nesting;
	/** Structs nest at most this deep: the parser recurses, and a header is input. */
	static final int MAX_NESTING = 200;
	/** Larger types are no description of memory anyone maps; the limit also keeps sizes from overflowing. */
	static final long MAX_SIZE = 1L << 48;

	HeaderParser(List<CToken> tokens, HeaderOptions options, String file) {
		this.tokens = tokens;
		this.abi = options.abi();
		CToken last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
		this.end = last == null ? new CToken(Kind.END, "", file, 1, 1)
				: new CToken(Kind.END, "", last.file(), last.line(), last.column() + last.text().length());
		boolean unicode = options.defines().containsKey("UNICODE") || options.defines().containsKey("_UNICODE");
		this.typedefs = BuiltinTypes.typedefs(abi, unicode);
	}

	/** What declaration specifiers said: the type, whether it is a typedef, and attributes. */
	private static final class Specifiers {
		CType type;
		boolean typedef;
		boolean packed;
		int align;
		final List<String> words = new ArrayList<>();
	}

	private CToken peek() {
		return pos < tokens.size() ? tokens.get(pos) : end;
	}

	private CToken peek(int ahead) {
		return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : end;
	}

	private boolean take(String punct) {
		CToken t = peek();
		if (t.kind() != Kind.END && t.kind() != Kind.STRING && t.kind() != Kind.CHAR && t.text().equals(punct)) {
			pos++;
			return true;
		}
		return false;
	}

	private CToken expect(String punct, String where) throws HeaderProblem {
		CToken t = peek();
		if (!take(punct)) {
			throw new HeaderProblem(t, "'" + punct + "' expected " + where + ", not " + t);
		}
		return t;
	}

	void parse() throws HeaderProblem {
		while (peek().kind() != Kind.END) {
			if (peek().is(Preprocessor.PACK)) {
				pragmaPack();
			} else if (!take(";")) {
				declaration();
			}
		}
	}

	private void pragmaPack() throws HeaderProblem {
		CToken at = peek();
		pos++;
		List<CToken> args = new ArrayList<>();
		if (take("(")) {
			while (!peek().is(")") && !peek().is(";")) {
				args.add(peek());
				pos++;
			}
			expect(")", "after #pragma pack's arguments");
		}
		expect(";", "at the end of #pragma pack");
		if (args.isEmpty()) {
			pack = 0;
			return;
		}
		String first = args.get(0).text();
		List<CToken> numbers = args.stream().filter(t -> t.kind() == Kind.NUMBER).toList();
		Integer value = numbers.isEmpty() ? null : packValue(numbers.get(0));
		if (first.equals("push")) {
			packStack.push(pack);
			if (value != null) {
				pack = value;
			}
		} else if (first.equals("pop")) {
			pack = packStack.isEmpty() ? 0 : packStack.pop();
		} else if (args.get(0).kind() == Kind.NUMBER) {
			pack = value;
		} else if (!first.equals("show")) {
			throw new HeaderProblem(at, "#pragma pack takes push, pop or a number");
		}
	}

	private static int packValue(CToken number) throws HeaderProblem {
		long value = ConstantExpression.number(number);
		if (value != 1 && value != 2 && value != 4 && value != 8 && value != 16) {
			throw new HeaderProblem(number, "#pragma pack takes 1, 2, 4, 8 or 16, not " + value);
		}
		return (int) value;
	}

	private void declaration() throws HeaderProblem {
		CToken start = peek();
		Specifiers specs = specifiers(false);
		if (specs == null) {
			skipUnknown(start);
			return;
		}
		if (take(";")) {
			return;
		}
		while (true) {
			Declarator d = declarator(specs.type, true);
			if (d.function) {
				if (peek().is("{")) {
					skipBalanced();
					return;
				}
			} else if (specs.typedef && d.name != null) {
				CType type = d.type;
				if (type instanceof Record r && r.tag() != null && !r.name().equals(d.name.text())) {
					type = r.named(d.name.text());
				} else if (type instanceof CType.Scalar s && d.pointers == 0 && d.arrays == 0) {
					type = s.renamed(d.name.text());
				} else if (type instanceof CType.Enum e && d.pointers == 0 && d.arrays == 0) {
					type = e.renamed(d.name.text());
				}
				typedefs.put(d.name.text(), type);
				if (type.size() >= 0) {
					defined.put(d.name.text(), type);
				}
			}
			if (take("=")) {
				skipInitializer();
			}
			if (take(",")) {
				continue;
			}
			expect(";", "after a declaration");
			return;
		}
	}

	/** Skips what is not a declaration this parser knows: to the next ';' or past a braced body. */
	private void skipUnknown(CToken start) throws HeaderProblem {
		int depth = 0;
		while (peek().kind() != Kind.END) {
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
		if (pos > tokens.size() - 1 && !start.equals(end)) {
			return;
		}
	}

	private void skipBalanced() throws HeaderProblem {
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

	private void skipInitializer() throws HeaderProblem {
		while (!peek().is(",") && !peek().is(";") && peek().kind() != Kind.END) {
			if (peek().is("{") || peek().is("(")) {
				skipBalanced();
			} else {
				pos++;
			}
		}
	}

	/** @return null when the tokens do not start with a type */
	private Specifiers specifiers(boolean inRecord) throws HeaderProblem {
		Specifiers specs = new Specifiers();
		CToken first = peek();
		while (true) {
			CToken t = peek();
			if (t.kind() != Kind.IDENT) {
				if (t.is("[") && peek(1).is("[")) {
					skipBalanced();
					continue;
				}
				break;
			}
			String word = t.text();
			if (word.equals("typedef")) {
				pos++;
				specs.typedef = true;
			} else if (QUALIFIERS.contains(word)) {
				pos++;
			} else if (TYPE_WORDS.contains(word) && specs.type == null) {
				pos++;
				specs.words.add(word.replace("__", ""));
			} else if (word.equals("__attribute__") || word.equals("__attribute")) {
				attributes(specs);
			} else if (word.equals("__declspec")) {
				declspec(specs);
			} else if (word.equals("alignas") || word.equals("_Alignas")) {
				specs.align = Math.max(specs.align, alignas());
			} else if ((word.equals("struct") || word.equals("union")) && specs.type == null && specs.words.isEmpty()) {
				pos++;
				specs.type = record(word.equals("union"));
			} else if (word.equals("enum") && specs.type == null && specs.words.isEmpty()) {
				pos++;
				specs.type = enumeration();
			} else if (specs.type == null && specs.words.isEmpty() && typedefs.containsKey(word)) {
				pos++;
				specs.type = typedefs.get(word);
			} else {
				break;
			}
		}
		if (specs.type == null && specs.words.isEmpty()) {
			if (inRecord || specs.typedef) {
				CToken t = peek();
				throw new HeaderProblem(t.kind() == Kind.END ? first : t, t.kind() == Kind.IDENT
						? "unknown type '" + t.text() + "'" : "a type expected, not " + t);
			}
			return null;
		}
		if (specs.type == null) {
			specs.type = BuiltinTypes.keywords(specs.words, abi);
		}
		return specs;
	}

	private int alignas() throws HeaderProblem {
		CToken at = peek();
		pos++;
		expect("(", "after " + at.text());
		int start = pos;
		int depth = 1;
		while (depth > 0) {
			if (peek().kind() == Kind.END) {
				throw new HeaderProblem(at, "')' missing after " + at.text());
			}
			if (peek().is("(")) {
				depth++;
			} else if (peek().is(")")) {
				depth--;
			}
			pos++;
		}
		List<CToken> inside = tokens.subList(start, pos - 1);
		CToken after = tokens.get(pos - 1);
		if (!inside.isEmpty() && (typedefs.containsKey(inside.get(0).text()) || TYPE_WORDS.contains(inside.get(0).text())
				|| inside.get(0).is("struct") || inside.get(0).is("union") || inside.get(0).is("enum"))) {
			return typeName(inside, after).align();
		}
		return alignment(at, ConstantExpression.evaluate(inside, this::constant, after));
	}

	private static int alignment(CToken at, long value) throws HeaderProblem {
		if (value < 0 || value > 8192 || Long.bitCount(value) > 1) {
			throw new HeaderProblem(at, "an alignment is a power of two, not " + value);
		}
		return (int) value;
	}

	/** {@code __attribute__((packed, aligned(n), ...))}: packed and aligned count, the rest is skipped. */
	private void attributes(Specifiers specs) throws HeaderProblem {
		CToken at = peek();
		pos++;
		expect("(", "after __attribute__");
		expect("(", "after __attribute__(");
		while (!take(")")) {
			CToken name = peek();
			if (name.kind() == Kind.END) {
				throw new HeaderProblem(at, "__attribute__ is not closed");
			}
			pos++;
			String word = name.text().replace("__", "");
			if (word.equals("packed")) {
				specs.packed = true;
			} else if (word.equals("aligned")) {
				specs.align = Math.max(specs.align, peek().is("(") ? parenthesisedAlignment(name) : DEFAULT_ALIGNED);
			} else if (peek().is("(")) {
				skipBalanced();
			}
			take(",");
		}
		expect(")", "closing __attribute__");
	}

	private int parenthesisedAlignment(CToken at) throws HeaderProblem {
		int start = pos;
		skipBalanced();
		List<CToken> inside = tokens.subList(start + 1, pos - 1);
		return alignment(at, ConstantExpression.evaluate(inside, this::constant, tokens.get(pos - 1)));
	}

	/** {@code __declspec(align(n))} counts; other declspecs are skipped. */
	private void declspec(Specifiers specs) throws HeaderProblem {
		pos++;
		expect("(", "after __declspec");
		while (!take(")")) {
			CToken name = peek();
			if (name.kind() == Kind.END) {
				throw new HeaderProblem(name, "__declspec is not closed");
			}
			pos++;
			if (name.text().equals("align") && peek().is("(")) {
				specs.align = Math.max(specs.align, parenthesisedAlignment(name));
			} else if (peek().is("(")) {
				skipBalanced();
			}
		}
	}

	private long constant(CToken identifier) throws HeaderProblem {
		Long value = constants.get(identifier.text());
		if (value == null) {
			throw new HeaderProblem(identifier, "'" + identifier.text() + "' is not a constant this header defines");
		}
		return value;
	}

	private CType record(boolean union) throws HeaderProblem {
		Specifiers attributes = new Specifiers();
		leadingAttributes(attributes);
		CToken tagToken = peek().kind() == Kind.IDENT ? peek() : null;
		String keyword = union ? "union " : "struct ";
		if (tagToken != null) {
			pos++;
		}
		String key = tagToken == null ? null : keyword + tagToken.text();
		if (!peek().is("{")) {
			if (key == null) {
				throw new HeaderProblem(peek(), "a struct needs a name or a body");
			}
			return tags.computeIfAbsent(key, k -> new Record(k, union));
		}
		Record record;
		if (key != null && tags.get(key) instanceof Record existing && !existing.isComplete()) {
			record = existing;
		} else {
			record = new Record(key != null ? key : keyword + "<anonymous " + ++anonymous + ">", union);
			if (key != null) {
				tags.put(key, record);
			}
		}
		CToken open = peek();
		pos++;
		if (++nesting > MAX_NESTING) {
			throw new HeaderProblem(open, "structs nested deeper than " + MAX_NESTING);
		}
		List<RecordLayout.Declared> members = new ArrayList<>();
		while (!take("}")) {
			if (peek().kind() == Kind.END) {
				throw new HeaderProblem(open, "'{' of " + record.name() + " is not closed");
			}
			if (peek().is(Preprocessor.PACK)) {
				pragmaPack();
				continue;
			}
			if (take(";")) {
				continue;
			}
			members(members);
		}
		nesting--;
		leadingAttributes(attributes);
		RecordLayout layout = new RecordLayout(abi, union, pack, attributes.packed);
		for (RecordLayout.Declared member : members) {
			layout.add(member);
		}
		layout.finish(record, attributes.align);
		if (key != null) {
			defined.put(key, record);
		}
		return record;
	}

	private void leadingAttributes(Specifiers into) throws HeaderProblem {
		while (true) {
			String word = peek().text();
			if (peek().kind() != Kind.IDENT) {
				return;
			}
			if (word.equals("__attribute__") || word.equals("__attribute")) {
				attributes(into);
			} else if (word.equals("__declspec")) {
				declspec(into);
			} else if (word.equals("alignas") || word.equals("_Alignas")) {
				into.align = Math.max(into.align, alignas());
			} else {
				return;
			}
		}
	}

	private void members(List<RecordLayout.Declared> into) throws HeaderProblem {
		CToken start = peek();
		Specifiers specs = specifiers(true);
		if (take(";")) {
			if (specs.type instanceof Record r && r.tag().contains("<anonymous")) {
				into.add(new RecordLayout.Declared(null, r, -1, specs.align, specs.packed, start));
			}
			return;
		}
		while (true) {
			CToken at = peek();
			Declarator d = peek().is(":") ? new Declarator(specs.type, null) : declarator(specs.type, false);
			int width = -1;
			if (take(":")) {
				int from = pos;
				while (!peek().is(",") && !peek().is(";") && !peek().is("__attribute__") && peek().kind() != Kind.END) {
					pos++;
				}
				long value = ConstantExpression.evaluate(tokens.subList(from, pos), this::constant, peek());
				if (value < 0) {
					throw new HeaderProblem(at, "a bitfield's width is not negative");
				}
				if (value == 0 && d.name != null) {
					throw new HeaderProblem(at, "a zero-width bitfield has no name");
				}
				width = (int) value;
			}
			Specifiers after = new Specifiers();
			leadingAttributes(after);
			if (d.function) {
				throw new HeaderProblem(at, "a struct cannot hold a function");
			}
			into.add(new RecordLayout.Declared(d.name == null ? null : d.name.text(), d.type, width,
					Math.max(specs.align, Math.max(d.align, after.align)), specs.packed || after.packed, at));
			if (take(",")) {
				continue;
			}
			expect(";", "after a member");
			return;
		}
	}

	private CType enumeration() throws HeaderProblem {
		Specifiers attributes = new Specifiers();
		leadingAttributes(attributes);
		CToken tagToken = peek().kind() == Kind.IDENT ? peek() : null;
		if (tagToken != null) {
			pos++;
		}
		String key = tagToken == null ? "enum <anonymous " + ++anonymous + ">" : "enum " + tagToken.text();
		CType fixed = null;
		if (take(":")) {
			Specifiers base = specifiers(true);
			fixed = base.type;
		}
		if (!peek().is("{")) {
			CType known = tags.get(key);
			if (known != null) {
				return known;
			}
			return new CType.Enum(key, fixed == null ? 4 : fixed.size(), fixed == null ? 4 : fixed.align(), true, Map.of());
		}
		pos++;
		Map<Long, String> enumerators = new LinkedHashMap<>();
		long next = 0;
		long min = 0;
		long max = 0;
		while (!take("}")) {
			CToken name = peek();
			if (name.kind() != Kind.IDENT) {
				throw new HeaderProblem(name, "an enumerator's name expected, not " + name);
			}
			pos++;
			if (take("=")) {
				int from = pos;
				int depth = 0;
				while (peek().kind() != Kind.END && !(depth == 0 && (peek().is(",") || peek().is("}")))) {
					if (peek().is("(")) {
						depth++;
					} else if (peek().is(")")) {
						depth--;
					}
					pos++;
				}
				next = ConstantExpression.evaluate(tokens.subList(from, pos), this::constant, peek());
			}
			constants.put(name.text(), next);
			enumerators.putIfAbsent(next, name.text());
			min = enumerators.size() == 1 ? next : Math.min(min, next);
			max = enumerators.size() == 1 ? next : Math.max(max, next);
			next++;
			if (!take(",")) {
				expect("}", "after the last enumerator");
				break;
			}
		}
		leadingAttributes(attributes);
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
		tags.put(key, type);
		if (tagToken != null) {
			defined.put(key, type);
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

	private static final class Declarator {
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

	/** A declarator: pointers, a name, array dimensions; function pointers become pointers. */
	private Declarator declarator(CType base, boolean fileScope) throws HeaderProblem {
		int pointers = 0;
		Specifiers attributes = new Specifiers();
		while (true) {
			if (take("*")) {
				pointers++;
			} else if (peek().kind() == Kind.IDENT && QUALIFIERS.contains(peek().text())) {
				pos++;
			} else if (peek().is("__attribute__") || peek().is("__declspec")) {
				leadingAttributes(attributes);
			} else {
				break;
			}
		}
		Declarator d = new Declarator(base, null);
		boolean pointerToSomething = false;
		if (peek().is("(") && (peek(1).is("*") || peek(1).is("^") || peek(1).is("__cdecl") || peek(1).is("__stdcall")
				|| peek(1).is("WINAPI") || peek(1).is("CALLBACK"))) {
			pos++;
			while (!peek().is(")") && peek().kind() != Kind.END) {
				if (peek().kind() == Kind.IDENT && !QUALIFIERS.contains(peek().text())) {
					d.name = peek();
				}
				pos++;
			}
			expect(")", "after a function pointer's name");
			pointerToSomething = true;
		} else if (peek().kind() == Kind.IDENT) {
			d.name = peek();
			pos++;
		}
		List<Long> dims = new ArrayList<>();
		while (true) {
			if (peek().is("[")) {
				CToken open = peek();
				pos++;
				int from = pos;
				int depth = 0;
				while (!(depth == 0 && peek().is("]"))) {
					if (peek().kind() == Kind.END) {
						throw new HeaderProblem(open, "']' missing");
					}
					if (peek().is("[") || peek().is("(")) {
						depth++;
					} else if (peek().is("]") || peek().is(")")) {
						depth--;
					}
					pos++;
				}
				List<CToken> size = tokens.subList(from, pos);
				long count = size.isEmpty() ? 0
						: ConstantExpression.evaluate(size, constantsAndSizes(), peek());
				if (count < 0) {
					throw new HeaderProblem(open, "an array's size is not negative: " + count);
				}
				pos++;
				dims.add(count);
				if (dims.size() > 64) {
					throw new HeaderProblem(open, "an array of more than 64 dimensions");
				}
			} else if (peek().is("(")) {
				skipBalanced();
				if (!pointerToSomething) {
					d.function = true;
				}
			} else {
				break;
			}
		}
		leadingAttributes(attributes);
		d.align = attributes.align;
		CType type = base;
		if (pointers > 0 || pointerToSomething) {
			String stars = "*".repeat(Math.max(1, pointers));
			type = BuiltinTypes.pointer(pointerToSomething ? base.name() + " (" + stars + ")()" : base.name() + " " + stars,
					abi);
		}
		if (!pointerToSomething) {
			for (int i = dims.size() - 1; i >= 0; i--) {
				if (type.size() > 0 && dims.get(i) > MAX_SIZE / type.size()) {
					throw new HeaderProblem(d.name != null ? d.name : peek(), "an array larger than 2^48 bytes");
				}
				type = new CType.Array(type, dims.get(i));
			}
		}
		d.type = type;
		d.pointers = pointers;
		d.arrays = dims.size();
		return d;
	}

	private ConstantExpression.Names constantsAndSizes() {
		return new ConstantExpression.Names() {
			@Override
			public long value(CToken identifier) throws HeaderProblem {
				return constant(identifier);
			}

			@Override
			public long measure(CToken operator, List<CToken> inside) throws HeaderProblem {
				CType type = typeName(inside, operator);
				return operator.text().equals("sizeof") ? type.size() : type.align();
			}
		};
	}

	/** @return the type a type name such as {@code struct point *} or {@code DWORD[4]} stands for */
	CType typeName(List<CToken> words, CToken at) throws HeaderProblem {
		HeaderParser sub = new HeaderParser(words, this);
		Specifiers specs = sub.specifiers(true);
		Declarator d = sub.declarator(specs.type, false);
		if (sub.pos < words.size() || d.name != null) {
			CToken extra = sub.pos < words.size() ? words.get(sub.pos) : d.name;
			throw new HeaderProblem(extra, "unexpected " + extra + " in a type name");
		}
		if (d.type.size() < 0) {
			throw new HeaderProblem(at, d.type.name() + " has no size");
		}
		return d.type;
	}

	/** A parser of a few tokens that shares this one's names. */
	private HeaderParser(List<CToken> words, HeaderParser parent) {
		this.tokens = words;
		this.abi = parent.abi;
		CToken last = words.isEmpty() ? parent.end : words.get(words.size() - 1);
		this.end = new CToken(Kind.END, "", last.file(), last.line(), last.column() + last.text().length());
		this.typedefs = parent.typedefs;
		this.constants.putAll(parent.constants);
		this.tags.putAll(parent.tags);
	}

	/** @return the type a user names: a typedef, {@code struct X}, {@code union X}, {@code enum X}, or a bare tag */
	CType lookup(String name) {
		String trimmed = name.trim().replaceAll("\\s+", " ");
		CType t = typedefs.get(trimmed);
		if (t == null) {
			t = tags.get(trimmed);
		}
		for (String keyword : List.of("struct ", "union ", "enum ")) {
			if (t == null) {
				t = tags.get(keyword + trimmed);
			}
		}
		return t;
	}
}
