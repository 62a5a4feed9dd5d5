package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Lays out OBJECT_DIRECTORY_INFORMATION buffers as the documentation describes them, for the
 * decoder tests and the simulated kernel: 32-byte records {UNICODE_STRING Name, UNICODE_STRING
 * TypeName}, an all-zero record, then the NUL-terminated UTF-16LE strings the records point to.
 */
final class DirectoryInformationWriter {

	private DirectoryInformationWriter() {
	}

	static int bytesNeeded(List<DirectoryEntry> entries) {
		int bytes = DirectoryInformationDecoder.RECORD_SIZE * (entries.size() + 1);
		for (DirectoryEntry entry : entries) {
			bytes += stringBytes(entry.name()) + stringBytes(entry.typeName());
		}
		return bytes;
	}

	/** Windows' layout: the records, a terminating record, then the strings. */
	static void write(ByteBuffer target, long baseAddress, List<DirectoryEntry> entries) {
		ByteBuffer out = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		int strings = DirectoryInformationDecoder.RECORD_SIZE * (entries.size() + 1);
		for (int i = 0; i < entries.size(); i++) {
			int record = i * DirectoryInformationDecoder.RECORD_SIZE;
			strings = putString(out, record, strings, baseAddress, entries.get(i).name());
			strings = putString(out, record + 16, strings, baseAddress, entries.get(i).typeName());
		}
		int terminator = entries.size() * DirectoryInformationDecoder.RECORD_SIZE;
		for (int i = 0; i < DirectoryInformationDecoder.RECORD_SIZE; i++) {
			out.put(terminator + i, (byte) 0);
		}
	}

	/** Wine's single-entry layout: one record, its strings right after it, no terminator. */
	static void writeSingle(ByteBuffer target, long baseAddress, DirectoryEntry entry) {
		ByteBuffer out = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		int strings = putString(out, 0, DirectoryInformationDecoder.RECORD_SIZE, baseAddress, entry.name());
		putString(out, 16, strings, baseAddress, entry.typeName());
	}

	static int singleBytesNeeded(DirectoryEntry entry) {
		return DirectoryInformationDecoder.RECORD_SIZE + stringBytes(entry.name()) + stringBytes(entry.typeName());
	}

	private static int stringBytes(String s) {
		return 2 * (s.length() + 1);
	}

	/** @return the offset after the string's terminating NUL */
	private static int putString(ByteBuffer out, int unicodeString, int at, long baseAddress, String s) {
		out.putShort(unicodeString, (short) (2 * s.length()));
		out.putShort(unicodeString + 2, (short) stringBytes(s));
		out.putInt(unicodeString + 4, 0);
		out.putLong(unicodeString + 8, baseAddress + at);
		for (int i = 0; i < s.length(); i++) {
			out.putChar(at + 2 * i, s.charAt(i));
		}
		out.putChar(at + 2 * s.length(), '\0');
		return at + stringBytes(s);
	}
}
