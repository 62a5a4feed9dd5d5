package org.ipcscope.core.struct;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A type laid over bytes: {@code count} elements of {@code typeName} one after another from
 * {@code offset} in a memory object, laid out by one ABI. {@link #root()} has offsets from
 * {@code offset}, so a window read at {@code offset} of {@link #size()} bytes is what
 * {@link #decode} takes.
 */
public final class StructOverlay {

	private final ParsedHeader header;
	private final String typeName;
	private final long offset;
	private final int count;
	private final Field root;
	private final long size;

	private StructOverlay(ParsedHeader header, String typeName, long offset, int count) {
		this.header = header;
		this.typeName = typeName;
		this.offset = offset;
		this.count = count;
		Field one = header.layout(typeName);
		if (count == 1) {
			root = one;
		} else {
			List<Field> elements = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				elements.add(one.moved(i * one.size(), "[" + i + "]", "[" + i + "]"));
			}
			root = new Field(typeName + "[" + count + "]", "", one.typeName() + "[" + count + "]", FieldKind.ARRAY, 0,
					one.size() * count, 0, -1, List.of((long) count), elements, false, 0, java.util.Map.of());
		}
		size = root.size();
	}

	/**
	 * @throws IllegalArgumentException when the header has no such type, or it is too large
	 */
	public static StructOverlay of(ParsedHeader header, String typeName, long offset, int count) {
		if (count < 1 || count > OverlaySpec.MAX_COUNT) {
			throw new IllegalArgumentException("the count is 1 to " + OverlaySpec.MAX_COUNT + ", not " + count);
		}
		if (offset < 0) {
			throw new IllegalArgumentException("the offset is not negative");
		}
		return new StructOverlay(header, typeName, offset, count);
	}

	public ParsedHeader header() {
		return header;
	}

	public Abi abi() {
		return header.abi();
	}

	public String typeName() {
		return typeName;
	}

	/** @return where the overlay starts in the memory object */
	public long offset() {
		return offset;
	}

	public int count() {
		return count;
	}

	/** @return the bytes the overlay covers: the type's size times the count */
	public long size() {
		return size;
	}

	/** @return the tree of fields; its offsets count from {@link #offset()} */
	public Field root() {
		return root;
	}

	/** @return every field that has a value of its own, in order (struct, union and array nodes left out) */
	public List<Field> leaves() {
		return root.flatten().stream().filter(Field::isLeaf).toList();
	}

	/**
	 * @param window     bytes read at {@link #offset()}; shorter than {@link #size()} when the object ends
	 *                   earlier (the fields past its end show {@code ??})
	 * @param unreadable the window's bytes that could not be read, or null
	 * @return the value of every leaf, in {@link #leaves()} order
	 */
	public List<FieldValue> decode(byte[] window, BitSet unreadable) {
		return leaves().stream().map(f -> FieldCodec.decode(f, window, unreadable)).toList();
	}
}
