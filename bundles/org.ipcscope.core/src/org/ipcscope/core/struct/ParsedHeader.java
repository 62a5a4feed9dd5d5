package org.ipcscope.core.struct;

import java.util.List;

/**
 * A C header read for one ABI: the structs, unions, enums and typedefs it defines, each laid out
 * as that ABI's compiler would. Reading does no I/O beyond the header and its includes.
 *
 * <pre>
 * ParsedHeader header = ParsedHeader.parse(HeaderSource.ofFile(path), HeaderOptions.of(Abi.SYSV64));
 * Field root = header.layout("struct shared_state");   // offsets from 0
 * </pre>
 */
public final class ParsedHeader {

	private final HeaderParser parser;
	private final Abi abi;
	private final String name;

	private ParsedHeader(HeaderParser parser, Abi abi, String name) {
		this.parser = parser;
		this.abi = abi;
		this.name = name;
	}

	/** @throws HeaderProblem with file:line:column when the header is not the supported C or cannot be read */
	public static ParsedHeader parse(HeaderSource source, HeaderOptions options) throws HeaderProblem {
		List<CToken> tokens = Preprocessor.run(source, options);
		HeaderParser parser = new HeaderParser(tokens, options, source.name());
		parser.parse();
		return new ParsedHeader(parser, options.abi(), source.name());
	}

	public Abi abi() {
		return abi;
	}

	/** @return the header's name as given */
	public String name() {
		return name;
	}

	/**
	 * @return the complete types the header (and its includes) defines, in order: {@code struct X},
	 *         {@code union X}, {@code enum X} and typedef names
	 */
	public List<String> typeNames() {
		return List.copyOf(parser.defined.keySet());
	}

	/** @return whether {@link #layout} knows the name (a typedef, {@code struct X}, or a bare tag X) */
	public boolean hasType(String typeName) {
		CType type = parser.lookup(typeName);
		return type != null && type.size() >= 0;
	}

	/** @return the type's size in bytes as this ABI lays it out */
	public long sizeOf(String typeName) {
		return type(typeName).size();
	}

	/** @return the type's alignment in bytes as this ABI lays it out */
	public int alignOf(String typeName) {
		return type(typeName).align();
	}

	/**
	 * @return the type's fields with offsets from 0; the root is named after the type and its path is
	 *         empty
	 * @throws IllegalArgumentException when the header has no such complete type, or it has more
	 *                                  than {@link TypeLayouts#MAX_FIELDS} fields
	 */
	public Field layout(String typeName) {
		return TypeLayouts.of(type(typeName), typeName, "");
	}

	private CType type(String typeName) {
		CType type = parser.lookup(typeName);
		if (type == null) {
			throw new IllegalArgumentException(name + " defines no type '" + typeName + "'");
		}
		if (type.size() < 0) {
			throw new IllegalArgumentException(typeName + " is declared in " + name + " but never defined");
		}
		return type;
	}
}
