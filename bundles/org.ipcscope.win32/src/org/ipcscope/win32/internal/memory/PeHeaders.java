package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The section table of a PE image as loaded in memory (the headers are mapped at the image base):
 * IMAGE_DOS_HEADER {e_magic "MZ"@0, LONG e_lfanew@0x3C}; at e_lfanew the signature "PE\0\0", then
 * IMAGE_FILE_HEADER {Machine@+4, NumberOfSections@+6, SizeOfOptionalHeader@+20}; the optional header
 * at +24; the section table after it, 40 bytes an entry: {BYTE Name[8]@0, VirtualSize@8,
 * VirtualAddress@12, SizeOfRawData@16, ..., Characteristics@36}.
 */
final class PeHeaders {

	static final int SECTION_HEADER_SIZE = 40;
	/** Enough for the headers of any image linked by usual tools (they fit in the first page). */
	static final int FIRST_READ = 4096;
	/** The PE format allows at most 96 sections. */
	static final int MAX_SECTIONS = 96;

	private PeHeaders() {
	}

	/**
	 * @return how many bytes from the image base {@link #sections} needs: read that much, then decode
	 * @throws IllegalArgumentException if the bytes are not a PE image's headers
	 */
	static int headersLength(ByteBuffer firstBytes) {
		ByteBuffer in = firstBytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < 0x40 || in.getShort(0) != 0x5A4D) {
			throw new IllegalArgumentException("no MZ header");
		}
		int ntHeaders = in.getInt(0x3C);
		if (ntHeaders < 0x40 || ntHeaders > 0x10000 || ntHeaders + 24 > in.limit()) {
			throw new IllegalArgumentException("e_lfanew 0x" + Integer.toHexString(ntHeaders) + " is out of range");
		}
		if (in.getInt(ntHeaders) != 0x00004550) {
			throw new IllegalArgumentException("no PE signature at 0x" + Integer.toHexString(ntHeaders));
		}
		int sections = Short.toUnsignedInt(in.getShort(ntHeaders + 6));
		if (sections > MAX_SECTIONS) {
			throw new IllegalArgumentException(sections + " sections: more than a PE image may have");
		}
		int optionalHeader = Short.toUnsignedInt(in.getShort(ntHeaders + 20));
		return ntHeaders + 24 + optionalHeader + sections * SECTION_HEADER_SIZE;
	}

	/** @throws IllegalArgumentException if the bytes are not a PE image's headers or are too short */
	static List<PeSection> sections(ByteBuffer headers) {
		int length = headersLength(headers);
		ByteBuffer in = headers.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < length) {
			throw new IllegalArgumentException("the section table ends at " + length + ", beyond " + in.limit() + " bytes");
		}
		int ntHeaders = in.getInt(0x3C);
		int count = Short.toUnsignedInt(in.getShort(ntHeaders + 6));
		int table = ntHeaders + 24 + Short.toUnsignedInt(in.getShort(ntHeaders + 20));
		List<PeSection> sections = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int entry = table + i * SECTION_HEADER_SIZE;
			byte[] name = new byte[8];
			in.get(entry, name);
			int end = 0;
			while (end < name.length && name[end] != 0) {
				end++;
			}
			sections.add(new PeSection(new String(name, 0, end, StandardCharsets.UTF_8),
					Integer.toUnsignedLong(in.getInt(entry + 12)), Integer.toUnsignedLong(in.getInt(entry + 8)),
					in.getInt(entry + 36)));
		}
		return sections;
	}
}
