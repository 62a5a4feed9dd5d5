package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What NtQuerySection(SectionBasicInformation) tells about a section. x64 layout, 24 bytes:
 * {PVOID BaseAddress@0, ULONG AllocationAttributes@8, LARGE_INTEGER MaximumSize@16}.
 *
 * @param allocationAttributes SEC_* flags, see {@link SectionAttributes}
 * @param maximumSize          the section's size in bytes
 */
public record SectionBasicInformation(int allocationAttributes, long maximumSize) {

	public static final int SIZE = 24;

	public static SectionBasicInformation decode(ByteBuffer buffer) {
		ByteBuffer info = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (info.limit() < SIZE) {
			throw new IllegalArgumentException("SECTION_BASIC_INFORMATION needs " + SIZE + " bytes, got " + info.limit());
		}
		return new SectionBasicInformation(info.getInt(8), info.getLong(16));
	}
}
