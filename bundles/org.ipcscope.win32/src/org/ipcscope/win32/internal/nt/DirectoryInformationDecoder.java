package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Pointer;

/**
 * Decodes the buffer NtQueryDirectoryObject fills: an array of 32-byte
 * OBJECT_DIRECTORY_INFORMATION records {UNICODE_STRING Name@0, UNICODE_STRING TypeName@16},
 * ended by an all-zero record, whose strings point into the same buffer. The string pointers
 * are absolute addresses, so decoding needs the address the buffer had when it was filled.
 * <p>
 * Wine's single-entry mode writes one record and puts its strings where the terminating
 * record would be, so callers in that mode ask for at most one record.
 */
final class DirectoryInformationDecoder {

	static final int RECORD_SIZE = 32;

	private DirectoryInformationDecoder() {
	}

	/** Decodes native memory filled by the kernel; {@code length} is the size of the buffer. */
	static List<DirectoryEntry> decode(Pointer buffer, int length, int maxEntries) {
		return decode(buffer.getByteBuffer(0, length), Pointer.nativeValue(buffer), maxEntries);
	}

	/**
	 * @param buffer      the records from position 0; any byte order, read as little endian
	 * @param baseAddress the address that byte 0 of {@code buffer} had for the kernel
	 * @param maxEntries  stop after this many records even without a terminating record
	 * @throws IllegalArgumentException if a string points outside the buffer
	 */
	static List<DirectoryEntry> decode(ByteBuffer buffer, long baseAddress, int maxEntries) {
		ByteBuffer records = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		List<DirectoryEntry> entries = new ArrayList<>();
		for (int offset = 0; entries.size() < maxEntries && offset + RECORD_SIZE <= records.limit(); offset += RECORD_SIZE) {
			if (isTerminator(records, offset)) {
				break;
			}
			String name = string(records, offset, baseAddress);
			String type = string(records, offset + UnicodeStringDecoder.SIZE, baseAddress);
			entries.add(new DirectoryEntry(name, type));
		}
		return entries;
	}

	private static boolean isTerminator(ByteBuffer records, int offset) {
		return records.getLong(offset) == 0 && records.getLong(offset + 8) == 0 && records.getLong(offset + 16) == 0
				&& records.getLong(offset + 24) == 0;
	}

	private static String string(ByteBuffer records, int offset, long baseAddress) {
		return UnicodeStringDecoder.decode(records, offset, baseAddress);
	}
}
