package org.ipcscope.core.struct;

import java.util.List;
import java.util.Map;

/** A C type as one ABI lays it out: its size and alignment in bytes are known once it is complete. */
sealed interface CType permits CType.Scalar, CType.Array, CType.Enum, CType.Record {

	/** @return the name as C writes it: {@code DWORD}, {@code struct point}, {@code char *}, {@code int[4]} */
	String name();

	long size();

	int align();

	enum ScalarKind {
		SIGNED, UNSIGNED, CHAR, WCHAR, BOOL, FLOAT, POINTER, VOID
	}

	record Scalar(String name, ScalarKind kind, long size, int align) implements CType {
		Scalar renamed(String newName) {
			return new Scalar(newName, kind, size, align);
		}
	}

	record Array(CType element, long count) implements CType {
		@Override
		public String name() {
			CType base = element;
			StringBuilder dims = new StringBuilder("[" + count + "]");
			while (base instanceof Array inner) {
				dims.append('[').append(inner.count).append(']');
				base = inner.element;
			}
			return base.name() + dims;
		}

		@Override
		public long size() {
			return element.size() * count;
		}

		@Override
		public int align() {
			return element.align();
		}
	}

	record Enum(String name, long size, int align, boolean signed, Map<Long, String> enumerators) implements CType {
		Enum renamed(String newName) {
			return new Enum(newName, size, align, signed, enumerators);
		}
	}

	/** A member; {@code name} is null for an anonymous struct or union, and for an unnamed bitfield. */
	record Member(String name, CType type, String typeName, long offset, long bitPosition, int bitWidth) {
		boolean isBitfield() {
			return bitWidth >= 0;
		}
	}

	/** A struct or union; incomplete (size -1) until its body has been read. */
	final class Record implements CType {
		private final String name;
		private final boolean union;
		private String displayName;
		private long size = -1;
		private int align = 1;
		private List<Member> members = List.of();

		Record(String name, boolean union) {
			this.name = name;
			this.union = union;
			this.displayName = name.contains("<anonymous") ? (union ? "union {...}" : "struct {...}") : name;
		}

		void complete(long newSize, int newAlign, List<Member> newMembers) {
			size = newSize;
			align = newAlign;
			members = List.copyOf(newMembers);
		}

		boolean isComplete() {
			return size >= 0;
		}

		boolean isUnion() {
			return union;
		}

		List<Member> members() {
			return members;
		}

		/** A typedef of this record under another name: same layout, the typedef's name. */
		Record named(String typedefName) {
			Record copy = new Record(name, union);
			copy.displayName = typedefName;
			copy.size = size;
			copy.align = align;
			copy.members = members;
			return copy;
		}

		/** @return the struct's tag (or the first typedef's name), for recognising GUID and FILETIME */
		String tag() {
			return name;
		}

		@Override
		public String name() {
			return displayName;
		}

		@Override
		public long size() {
			return size;
		}

		@Override
		public int align() {
			return align;
		}
	}
}
