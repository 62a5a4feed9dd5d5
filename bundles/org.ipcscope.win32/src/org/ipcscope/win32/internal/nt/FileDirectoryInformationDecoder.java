package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes what NtQueryDirectoryFile(FileDirectoryInformation) fills: FILE_DIRECTORY_INFORMATION
 * records chained by NextEntryOffset (0 on the last), each {ULONG NextEntryOffset@0, ULONG
 * FileIndex@4, four LARGE_INTEGER times@8..32, LARGE_INTEGER EndOfFile@40, LARGE_INTEGER
 * AllocationSize@48, ULONG FileAttributes@56, ULONG FileNameLength@60 in bytes, WCHAR
 * FileName[]@64}, not NUL-terminated.
 */
public final class FileDirectoryInformationDecoder {

	static final int NAME_OFFSET = 64;

	private FileDirectoryInformationDecoder() {
	}

	/**
	 * @param buffer the records from position 0 up to the length the kernel reported
	 * @throws IllegalArgumentException if a record runs past the buffer or the chain goes backwards
	 */
	public static List<FileDirectoryEntry> decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		List<FileDirectoryEntry> entries = new ArrayList<>();
		if (in.limit() == 0) {
			return entries;
		}
		int offset = 0;
		while (true) {
			if (offset + NAME_OFFSET > in.limit()) {
				throw new IllegalArgumentException("FILE_DIRECTORY_INFORMATION at " + offset + " past " + in.limit());
			}
			int next = in.getInt(offset);
			int nameBytes = in.getInt(offset + 60);
			if (nameBytes < 0 || nameBytes % 2 != 0 || offset + NAME_OFFSET + nameBytes > in.limit()) {
				throw new IllegalArgumentException("file name of " + nameBytes + " bytes at " + offset + " past " + in.limit());
			}
			char[] name = new char[nameBytes / 2];
			for (int i = 0; i < name.length; i++) {
				name[i] = in.getChar(offset + NAME_OFFSET + 2 * i);
			}
			entries.add(new FileDirectoryEntry(new String(name), in.getLong(offset + 40), in.getLong(offset + 48),
					in.getInt(offset + 56)));
			if (next == 0) {
				return entries;
			}
			if (next < NAME_OFFSET) {
				throw new IllegalArgumentException("NextEntryOffset " + next + " at " + offset);
			}
			offset += next;
		}
	}
}
