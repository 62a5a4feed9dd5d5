package org.ipcscope.core.struct;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.struct.CType.Member;

/**
 * Places a struct's or union's members as one ABI does. Microsoft: a bitfield shares the unit of the
 * bitfield before it only when their declared types have the same size and it fits; a zero-width
 * bitfield closes the unit. System V (GCC): a bitfield goes at the next free bit unless that would
 * cross a boundary of its type's alignment (under {@code #pragma pack} or {@code packed} it goes at
 * the next free bit); a zero-width bitfield moves to the next such boundary; unnamed bitfields do
 * not align the struct. {@code #pragma pack(n)} caps every member's alignment
 * at n, {@code packed} makes it 1, and {@code aligned(n)}, {@code alignas} and
 * {@code __declspec(align(n))} raise it.
 */
final class RecordLayout {

	/** A member as declared, before it has a place. */
	record Declared(String name, CType type, int bitWidth, int alignAttribute, boolean packed, CToken at) {
	}

	private final Abi abi;
	private final boolean union;
	private final int pack;
	private final boolean packed;
	private final List<Member> members = new ArrayList<>();
	private long bitPosition;
	private long unionSize;
	private int maxAlign = 1;
	// Microsoft bitfield unit: where it starts (bytes), its size, how many bits are used; size 0: none open
	private long unitStart;
	private long unitSize;
	private long unitUsed;

	/**
	 * @param pack   the {@code #pragma pack} in force where the body ended, 0 for none
	 * @param packed {@code __attribute__((packed))} on the struct
	 */
	RecordLayout(Abi abi, boolean union, int pack, boolean packed) {
		this.abi = abi;
		this.union = union;
		this.pack = pack;
		this.packed = packed;
	}

	private int effectiveAlign(Declared d) {
		int align = d.type().align();
		if (packed || d.packed()) {
			align = 1;
		}
		if (pack > 0) {
			align = Math.min(align, pack);
		}
		return Math.max(align, d.alignAttribute());
	}

	void add(Declared d) throws HeaderProblem {
		if (d.type().size() < 0) {
			throw new HeaderProblem(d.at(), "member " + (d.name() == null ? "" : d.name() + " ") + "has incomplete type "
					+ d.type().name());
		}
		if (d.bitWidth() >= 0) {
			bitfield(d);
			return;
		}
		unitSize = 0;
		int align = effectiveAlign(d);
		long offset = union ? 0 : alignUp((bitPosition + 7) / 8, align);
		if (offset > HeaderParser.MAX_SIZE - d.type().size()) {
			throw new HeaderProblem(d.at(), "a struct larger than 2^48 bytes");
		}
		members.add(new Member(d.name(), d.type(), d.type().name(), offset, offset * 8, -1));
		maxAlign = Math.max(maxAlign, align);
		end(offset + d.type().size());
	}

	private void end(long byteEnd) {
		if (union) {
			unionSize = Math.max(unionSize, byteEnd);
		} else {
			bitPosition = byteEnd * 8;
		}
	}

	private void bitfield(Declared d) throws HeaderProblem {
		long typeBits = d.type().size() * 8;
		if (d.bitWidth() > typeBits) {
			throw new HeaderProblem(d.at(), "bitfield " + d.name() + " is wider (" + d.bitWidth() + ") than its type "
					+ d.type().name());
		}
		if (abi.msBitfields()) {
			msBitfield(d);
		} else {
			gccBitfield(d);
		}
	}

	private void msBitfield(Declared d) {
		int align = effectiveAlign(d);
		long size = d.type().size();
		if (d.bitWidth() == 0) {
			// closes the open unit; after a member that is not a bitfield it does nothing
			if (unitSize > 0) {
				unitSize = 0;
			}
			return;
		}
		long position;
		if (!union && unitSize == size && unitUsed + d.bitWidth() <= size * 8) {
			position = unitStart * 8 + unitUsed;
			unitUsed += d.bitWidth();
		} else {
			unitStart = union ? 0 : alignUp((bitPosition + 7) / 8, align);
			unitSize = size;
			unitUsed = d.bitWidth();
			position = unitStart * 8;
			end(unitStart + size);
		}
		if (d.name() != null) {
			members.add(new Member(d.name(), d.type(), d.type().name(), position / 8, position, d.bitWidth()));
		}
		maxAlign = Math.max(maxAlign, align);
	}

	private void gccBitfield(Declared d) {
		int naturalAlign = d.type().align();
		// GCC checks a bitfield against its type's boundaries only when no #pragma pack is in force
		boolean tight = packed || d.packed() || pack > 0;
		long boundaryBits = naturalAlign * 8L;
		long position = union ? 0 : bitPosition;
		if (d.bitWidth() == 0) {
			// to the type's own boundary: #pragma pack does not shorten it (GCC)
			if (!union) {
				bitPosition = alignUp(bitPosition, naturalAlign * 8L);
			}
			return;
		}
		if (!tight && position / boundaryBits != (position + d.bitWidth() - 1) / boundaryBits) {
			position = alignUp(position, boundaryBits);
		}
		if (union) {
			unionSize = Math.max(unionSize, (d.bitWidth() + 7) / 8);
		} else {
			bitPosition = position + d.bitWidth();
		}
		if (d.name() != null) {
			members.add(new Member(d.name(), d.type(), d.type().name(), position / 8, position, d.bitWidth()));
			maxAlign = Math.max(maxAlign, effectiveAlign(d));
		}
	}

	/**
	 * @param alignAttribute the struct's own {@code aligned(n)}/{@code __declspec(align(n))}, 0 for none
	 */
	void finish(CType.Record record, int alignAttribute) {
		int align = Math.max(maxAlign, alignAttribute);
		long bytes = union ? unionSize : (bitPosition + 7) / 8;
		record.complete(alignUp(bytes, align), align, members);
	}

	static long alignUp(long value, long align) {
		return align <= 1 ? value : (value + align - 1) / align * align;
	}
}
