package org.ipcscope.core.struct;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a header has named so far: typedefs (starting with the ABI's built-in ones), struct, union
 * and enum tags, enumerator constants, and the complete types it defines in order, by the names a
 * user picks them by.
 */
final class HeaderNames {

	final Map<String, CType> typedefs;
	final Map<String, CType> tags = new HashMap<>();
	final Map<String, Long> constants = new HashMap<>();
	/** The types the header defines, in order, by the names a user picks them by. */
	final Map<String, CType> defined = new LinkedHashMap<>();

	HeaderNames(Map<String, CType> typedefs) {
		this.typedefs = typedefs;
	}

	/** @return names for reading a type name inside an expression: the typedefs shared, the rest copied */
	HeaderNames forTypeName() {
		HeaderNames copy = new HeaderNames(typedefs);
		copy.constants.putAll(constants);
		copy.tags.putAll(tags);
		return copy;
	}

	long constant(CToken identifier) throws HeaderProblem {
		Long value = constants.get(identifier.text());
		if (value == null) {
			throw new HeaderProblem(identifier, "'" + identifier.text() + "' is not a constant this header defines");
		}
		return value;
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
