package org.ipcscope.core.struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.struct.CType.Member;
import org.ipcscope.core.struct.CType.Record;
import org.ipcscope.core.struct.CType.Scalar;

/** Turns a laid-out C type into the tree of {@link Field}s the views and the command line show. */
final class TypeLayouts {

	/** A layout with more fields than this is refused: a huge array would fill memory and no tree could show it. */
	static final int MAX_FIELDS = 1_000_000;

	private int count;

	static Field of(CType type, String name, String path) {
		return new TypeLayouts().field(type, name, path, path, 0);
	}

	/**
	 * @param prefix what the children's paths start with: the path, except for an anonymous struct or
	 *               union, whose members are named as if they were its parent's
	 */
	private Field field(CType type, String name, String path, String prefix, long offset) {
		if (++count > MAX_FIELDS) {
			throw new IllegalArgumentException("more than " + MAX_FIELDS + " fields: choose a smaller type or count");
		}
		if (type instanceof Record r) {
			if (r.tag().equals("GUID") || r.tag().equals("FILETIME")) {
				FieldKind kind = r.tag().equals("GUID") ? FieldKind.GUID : FieldKind.FILETIME;
				return leaf(name, path, r.name(), kind, offset, r.size(), false, (int) r.size(), Map.of());
			}
			List<Field> children = new ArrayList<>();
			int anonymous = 0;
			for (Member m : r.members()) {
				if (m.name() == null) {
					String own = join(prefix, "<anonymous " + ++anonymous + ">");
					children.add(field(m.type(), "<anonymous>", own, prefix, offset + m.offset()));
				} else if (m.isBitfield()) {
					children.add(bitfield(m, m.name(), join(prefix, m.name()), offset));
				} else {
					String childPath = join(prefix, m.name());
					children.add(field(m.type(), m.name(), childPath, childPath, offset + m.offset()));
				}
			}
			return new Field(name, path, r.name(), r.isUnion() ? FieldKind.UNION : FieldKind.STRUCT, offset, r.size(), 0,
					-1, List.of(), children, false, 0, Map.of());
		}
		if (type instanceof CType.Array a) {
			List<Long> dims = new ArrayList<>();
			CType base = a;
			while (base instanceof CType.Array inner) {
				dims.add(inner.count());
				base = inner.element();
			}
			if (base instanceof Scalar s && dims.size() == 1
					&& (s.kind() == CType.ScalarKind.CHAR || s.kind() == CType.ScalarKind.WCHAR)) {
				FieldKind kind = s.kind() == CType.ScalarKind.CHAR ? FieldKind.STRING : FieldKind.WIDE_STRING;
				return new Field(name, path, a.name(), kind, offset, a.size(), 0, -1, dims, List.of(), false,
						(int) s.size(), Map.of());
			}
			List<Field> elements = new ArrayList<>();
			for (long i = 0; i < a.count(); i++) {
				String elementPath = prefix + "[" + i + "]";
				elements.add(field(a.element(), "[" + i + "]", elementPath, elementPath, offset + i * a.element().size()));
			}
			return new Field(name, path, a.name(), FieldKind.ARRAY, offset, a.size(), 0, -1, dims, elements, false, 0,
					Map.of());
		}
		if (type instanceof CType.Enum e) {
			return leaf(name, path, e.name(), FieldKind.ENUM, offset, e.size(), e.signed(), (int) e.size(),
					e.enumerators());
		}
		Scalar s = (Scalar) type;
		FieldKind kind = switch (s.kind()) {
		case SIGNED -> FieldKind.SIGNED;
		case UNSIGNED -> FieldKind.UNSIGNED;
		case CHAR -> FieldKind.CHAR;
		case WCHAR -> FieldKind.WIDE_CHAR;
		case BOOL -> FieldKind.BOOL;
		case FLOAT -> FieldKind.FLOAT;
		case POINTER -> FieldKind.POINTER;
		case VOID -> throw new IllegalArgumentException("void has no layout");
		};
		return leaf(name, path, s.name(), kind, offset, s.size(), s.kind() == CType.ScalarKind.SIGNED
				|| s.kind() == CType.ScalarKind.CHAR, (int) s.size(), Map.of());
	}

	private Field bitfield(Member m, String name, String path, long base) {
		count++;
		long bitPosition = base * 8 + m.bitPosition();
		long first = bitPosition / 8;
		long last = (bitPosition + m.bitWidth() - 1) / 8;
		boolean signed = m.type() instanceof Scalar s ? s.kind() == CType.ScalarKind.SIGNED
				|| s.kind() == CType.ScalarKind.CHAR : m.type() instanceof CType.Enum e && e.signed();
		Map<Long, String> names = m.type() instanceof CType.Enum e ? e.enumerators() : Map.of();
		return new Field(name, path, m.typeName() + " : " + m.bitWidth(), FieldKind.BITFIELD, first, last - first + 1,
				(int) (bitPosition % 8), m.bitWidth(), List.of(), List.of(), signed, (int) m.type().size(), names);
	}

	private static Field leaf(String name, String path, String typeName, FieldKind kind, long offset, long size,
			boolean signed, int unitSize, Map<Long, String> enumerators) {
		return new Field(name, path, typeName, kind, offset, size, 0, -1, List.of(), List.of(), signed, unitSize,
				enumerators);
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}
}
