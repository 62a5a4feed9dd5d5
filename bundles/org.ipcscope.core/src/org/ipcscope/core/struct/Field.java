package org.ipcscope.core.struct;

import java.util.List;

/**
 * One field of a laid-out type, placed in the overlay's byte window: a node of the Structure tree.
 *
 * @param name      the member's name; {@code [3]} for an array element; {@code <anonymous>} for an
 *                  anonymous struct or union; for the overlay's root the type's name (or {@code [i]}
 *                  for element i of {@code Type[N]})
 * @param path      unique within the overlay, for history and for remembering selections:
 *                  {@code [0].header.flags}, {@code [0].items[2].x}
 * @param typeName  the type as the header names it: {@code DWORD}, {@code struct point}, {@code char[32]}
 * @param kind      how the value shows
 * @param offset    the first byte, from the start of the overlay's window (its OFFSET is 0)
 * @param size      bytes that hold the field; for a bitfield, the bytes its bits touch
 * @param bitOffset for a bitfield, its lowest bit within the byte at {@code offset} (0 is the least
 *                  significant); else 0
 * @param bitWidth  for a bitfield its width in bits; else -1
 * @param dims      an array's dimensions, outermost first ({@code int a[2][3]}: 2, 3); else empty
 * @param children  members of a struct or union, elements of an array that is not text; else empty
 * @param signed    whether an integer, enum or bitfield is signed
 * @param unitSize  bytes per element of a scalar or string: 2 or 4 for a wide string, 8 for a double
 * @param enumerators an enum's (or an enum bitfield's) names by value; else empty
 */
public record Field(String name, String path, String typeName, FieldKind kind, long offset, long size, int bitOffset,
		int bitWidth, List<Long> dims, List<Field> children, boolean signed, int unitSize,
		java.util.Map<Long, String> enumerators) {

	public Field {
		dims = List.copyOf(dims);
		children = List.copyOf(children);
		enumerators = java.util.Map.copyOf(enumerators);
	}

	/**
	 * @return the same field moved by {@code delta} bytes, with its children, its path and theirs
	 *         prefixed with {@code prefix} (for element i of an overlay's {@code Type[N]})
	 */
	Field moved(long delta, String newName, String prefix) {
		String newPath = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
		List<Field> movedChildren = children.stream().map(c -> c.moved(delta, c.name, prefix)).toList();
		return new Field(newName, newPath, typeName, kind, offset + delta, size, bitOffset, bitWidth, dims,
				movedChildren, signed, unitSize, enumerators);
	}

	public boolean isBitfield() {
		return bitWidth >= 0;
	}

	/** @return whether the field has a value of its own (not a struct, union or array of them) */
	public boolean isLeaf() {
		return children.isEmpty() && kind != FieldKind.STRUCT && kind != FieldKind.UNION && kind != FieldKind.ARRAY;
	}

	/** @return this field and all below it, depth first, parents before their children */
	public List<Field> flatten() {
		java.util.ArrayList<Field> all = new java.util.ArrayList<>();
		flatten(all);
		return all;
	}

	private void flatten(List<Field> into) {
		into.add(this);
		for (Field child : children) {
			child.flatten(into);
		}
	}
}
