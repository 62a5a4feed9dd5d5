package org.ipcscope.core.struct;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.ipcscope.core.struct.CToken.Kind;
import org.ipcscope.core.struct.CType.Record;
import org.ipcscope.core.struct.DeclaratorReader.Declarator;

/**
 * Reads the declarations of a preprocessed header and lays out each struct and union when its body
 * ends, under the {@code #pragma pack} in force there. Function declarations and definitions,
 * variables and anything else at file scope that does not start with a type are skipped; inside a
 * struct, everything must be understood. Attributes, enums and declarators are read by
 * {@link AttributeReader}, {@link EnumReader} and {@link DeclaratorReader} on the same tokens.
 */
final class HeaderParser {

	static final Set<String> QUALIFIERS = Set.of("const", "volatile", "static", "extern", "inline", "__inline",
			"__inline__", "register", "restrict", "__restrict", "__restrict__", "_Noreturn", "__extension__", "auto",
			"__const", "__volatile__", "_Atomic", "__ptr32", "__ptr64", "__unaligned", "__cdecl", "__stdcall",
			"WINAPI", "CALLBACK", "__fastcall", "thread_local", "_Thread_local", "constexpr");
	static final Set<String> TYPE_WORDS = Set.of("void", "char", "short", "int", "long", "float", "double",
			"signed", "unsigned", "_Bool", "bool", "__signed__", "__unsigned__");
	/** Structs nest at most this deep: the parser recurses, and a header is input. */
	static final int MAX_NESTING = 200;
	/** Larger types are no description of memory anyone maps; the limit also keeps sizes from overflowing. */
	static final long MAX_SIZE = 1L << 48;

	private final TokenCursor in;
	private final Abi abi;
	private final HeaderNames names;
	/** The types the header defines, in order, by the names a user picks them by. */
	final java.util.Map<String, CType> defined;
	private final AttributeReader attributes;
	private final EnumReader enums;
	private final DeclaratorReader declarators;
	private int pack;
	private final Deque<Integer> packStack = new ArrayDeque<>();
	private int anonymous;
	private int nesting;

	HeaderParser(List<CToken> tokens, HeaderOptions options, String file) {
		this(TokenCursor.of(tokens, file), options.abi(), new HeaderNames(BuiltinTypes.typedefs(options.abi(),
				options.defines().containsKey("UNICODE") || options.defines().containsKey("_UNICODE"))));
	}

	private HeaderParser(TokenCursor in, Abi abi, HeaderNames names) {
		this.in = in;
		this.abi = abi;
		this.names = names;
		this.defined = names.defined;
		this.attributes = new AttributeReader(this, in);
		this.enums = new EnumReader(this, in, names, abi);
		this.declarators = new DeclaratorReader(this, in, abi);
	}

	HeaderNames names() {
		return names;
	}

	AttributeReader attributes() {
		return attributes;
	}

	int nextAnonymous() {
		return ++anonymous;
	}

	void parse() throws HeaderProblem {
		while (!in.atEnd()) {
			if (in.peek().is(Preprocessor.PACK)) {
				pragmaPack();
			} else if (!in.take(";")) {
				declaration();
			}
		}
	}

	private void pragmaPack() throws HeaderProblem {
		CToken at = in.peek();
		in.pos++;
		List<CToken> args = new ArrayList<>();
		if (in.take("(")) {
			while (!in.peek().is(")") && !in.peek().is(";")) {
				args.add(in.peek());
				in.pos++;
			}
			in.expect(")", "after #pragma pack's arguments");
		}
		in.expect(";", "at the end of #pragma pack");
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
		DeclSpecifiers specs = specifiers(false);
		if (specs == null) {
			in.skipUnknown();
			return;
		}
		if (in.take(";")) {
			return;
		}
		while (true) {
			Declarator d = declarators.declarator(specs.type);
			if (d.function) {
				if (in.peek().is("{")) {
					in.skipBalanced();
					return;
				}
			} else if (specs.typedef && d.name != null) {
				typedef(d);
			}
			if (in.take("=")) {
				in.skipInitializer();
			}
			if (in.take(",")) {
				continue;
			}
			in.expect(";", "after a declaration");
			return;
		}
	}

	/** A typedef of a record, scalar or enum takes the typedef's name, so that fields show it. */
	private void typedef(Declarator d) {
		CType type = d.type;
		if (type instanceof Record r && r.tag() != null && !r.name().equals(d.name.text())) {
			type = r.named(d.name.text());
		} else if (type instanceof CType.Scalar s && d.pointers == 0 && d.arrays == 0) {
			type = s.renamed(d.name.text());
		} else if (type instanceof CType.Enum e && d.pointers == 0 && d.arrays == 0) {
			type = e.renamed(d.name.text());
		}
		names.typedefs.put(d.name.text(), type);
		if (type.size() >= 0) {
			defined.put(d.name.text(), type);
		}
	}

	/** @return null when the tokens do not start with a type */
	DeclSpecifiers specifiers(boolean inRecord) throws HeaderProblem {
		DeclSpecifiers specs = new DeclSpecifiers();
		CToken first = in.peek();
		while (true) {
			CToken t = in.peek();
			if (t.kind() != Kind.IDENT) {
				if (t.is("[") && in.peek(1).is("[")) {
					in.skipBalanced();
					continue;
				}
				break;
			}
			String word = t.text();
			boolean noType = specs.type == null && specs.words.isEmpty();
			if (word.equals("typedef")) {
				in.pos++;
				specs.typedef = true;
			} else if (QUALIFIERS.contains(word)) {
				in.pos++;
			} else if (TYPE_WORDS.contains(word) && specs.type == null) {
				in.pos++;
				specs.words.add(word.replace("__", ""));
			} else if (AttributeReader.isAttribute(word)) {
				attributes.attributes(specs);
			} else if (word.equals("__declspec")) {
				attributes.declspec(specs);
			} else if (AttributeReader.isAlignas(word)) {
				specs.align = Math.max(specs.align, attributes.alignas());
			} else if ((word.equals("struct") || word.equals("union")) && noType) {
				in.pos++;
				specs.type = record(word.equals("union"));
			} else if (word.equals("enum") && noType) {
				in.pos++;
				specs.type = enums.enumeration();
			} else if (noType && names.typedefs.containsKey(word)) {
				in.pos++;
				specs.type = names.typedefs.get(word);
			} else {
				break;
			}
		}
		if (specs.type == null && specs.words.isEmpty()) {
			if (inRecord || specs.typedef) {
				CToken t = in.peek();
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

	private CType record(boolean union) throws HeaderProblem {
		DeclSpecifiers recordAttributes = new DeclSpecifiers();
		attributes.leading(recordAttributes);
		CToken tagToken = in.peek().kind() == Kind.IDENT ? in.peek() : null;
		String keyword = union ? "union " : "struct ";
		if (tagToken != null) {
			in.pos++;
		}
		String key = tagToken == null ? null : keyword + tagToken.text();
		if (!in.peek().is("{")) {
			if (key == null) {
				throw new HeaderProblem(in.peek(), "a struct needs a name or a body");
			}
			return names.tags.computeIfAbsent(key, k -> new Record(k, union));
		}
		Record record;
		if (key != null && names.tags.get(key) instanceof Record existing && !existing.isComplete()) {
			record = existing;
		} else {
			record = new Record(key != null ? key : keyword + "<anonymous " + nextAnonymous() + ">", union);
			if (key != null) {
				names.tags.put(key, record);
			}
		}
		CToken open = in.peek();
		in.pos++;
		if (++nesting > MAX_NESTING) {
			throw new HeaderProblem(open, "structs nested deeper than " + MAX_NESTING);
		}
		List<RecordLayout.Declared> members = new ArrayList<>();
		while (!in.take("}")) {
			if (in.atEnd()) {
				throw new HeaderProblem(open, "'{' of " + record.name() + " is not closed");
			}
			if (in.peek().is(Preprocessor.PACK)) {
				pragmaPack();
				continue;
			}
			if (in.take(";")) {
				continue;
			}
			members(members);
		}
		nesting--;
		attributes.leading(recordAttributes);
		RecordLayout layout = new RecordLayout(abi, union, pack, recordAttributes.packed);
		for (RecordLayout.Declared member : members) {
			layout.add(member);
		}
		layout.finish(record, recordAttributes.align);
		if (key != null) {
			defined.put(key, record);
		}
		return record;
	}

	private void members(List<RecordLayout.Declared> into) throws HeaderProblem {
		CToken start = in.peek();
		DeclSpecifiers specs = specifiers(true);
		if (in.take(";")) {
			if (specs.type instanceof Record r && r.tag().contains("<anonymous")) {
				into.add(new RecordLayout.Declared(null, r, -1, specs.align, specs.packed, start));
			}
			return;
		}
		while (true) {
			CToken at = in.peek();
			Declarator d = in.peek().is(":") ? new Declarator(specs.type, null) : declarators.declarator(specs.type);
			int width = in.take(":") ? bitfieldWidth(at, d) : -1;
			DeclSpecifiers after = new DeclSpecifiers();
			attributes.leading(after);
			if (d.function) {
				throw new HeaderProblem(at, "a struct cannot hold a function");
			}
			into.add(new RecordLayout.Declared(d.name == null ? null : d.name.text(), d.type, width,
					Math.max(specs.align, Math.max(d.align, after.align)), specs.packed || after.packed, at));
			if (in.take(",")) {
				continue;
			}
			in.expect(";", "after a member");
			return;
		}
	}

	private int bitfieldWidth(CToken at, Declarator d) throws HeaderProblem {
		int from = in.pos;
		while (!in.peek().is(",") && !in.peek().is(";") && !in.peek().is("__attribute__") && !in.atEnd()) {
			in.pos++;
		}
		long value = ConstantExpression.evaluate(in.between(from, in.pos), names::constant, in.peek());
		if (value < 0) {
			throw new HeaderProblem(at, "a bitfield's width is not negative");
		}
		if (value == 0 && d.name != null) {
			throw new HeaderProblem(at, "a zero-width bitfield has no name");
		}
		return (int) value;
	}

	/** @return the type a type name such as {@code struct point *} or {@code DWORD[4]} stands for */
	CType typeName(List<CToken> words, CToken at) throws HeaderProblem {
		HeaderParser sub = new HeaderParser(new TokenCursor(words, in.end()), abi, names.forTypeName());
		DeclSpecifiers specs = sub.specifiers(true);
		Declarator d = sub.declarators.declarator(specs.type);
		if (sub.in.pos < words.size() || d.name != null) {
			CToken extra = sub.in.pos < words.size() ? words.get(sub.in.pos) : d.name;
			throw new HeaderProblem(extra, "unexpected " + extra + " in a type name");
		}
		if (d.type.size() < 0) {
			throw new HeaderProblem(at, d.type.name() + " has no size");
		}
		return d.type;
	}

	/** @return the type a user names: a typedef, {@code struct X}, {@code union X}, {@code enum X}, or a bare tag */
	CType lookup(String name) {
		return names.lookup(name);
	}
}
