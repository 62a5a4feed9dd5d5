package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What NtQueryDirectoryFile on \Device\NamedPipe\ returns on Windows, which Wine cannot list. */
class FileDirectoryInformationDecoderTest {

	/** Lays out records as documented; each starts 8-aligned after the previous one's name. */
	static ByteBuffer records(List<FileDirectoryEntry> entries) {
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
		int at = 0;
		for (int i = 0; i < entries.size(); i++) {
			FileDirectoryEntry entry = entries.get(i);
			int length = 64 + 2 * entry.fileName().length();
			int next = i == entries.size() - 1 ? 0 : (length + 7) & ~7;
			buffer.putInt(at, next);
			buffer.putInt(at + 4, i);
			for (int time = 8; time < 40; time += 8) {
				buffer.putLong(at + time, 0x01D9_0000_0000_0000L);
			}
			buffer.putLong(at + 40, entry.endOfFile());
			buffer.putLong(at + 48, entry.allocationSize());
			buffer.putInt(at + 56, entry.fileAttributes());
			buffer.putInt(at + 60, 2 * entry.fileName().length());
			for (int c = 0; c < entry.fileName().length(); c++) {
				buffer.putChar(at + 64 + 2 * c, entry.fileName().charAt(c));
			}
			at += next == 0 ? length : next;
		}
		return buffer.limit(at);
	}

	@Test
	void decodesTheChainOfPipes() {
		// Named pipes: EndOfFile = current instances, AllocationSize = maximum (-1 unlimited).
		List<FileDirectoryEntry> pipes = List.of(new FileDirectoryEntry("InitShutdown", 3, -1, 0x80),
				new FileDirectoryEntry("lsass", 4, 0xFFFFFFFFL, 0x80),
				new FileDirectoryEntry("ipcscope\\odd \u00fc name", 1, 5, 0x80),
				new FileDirectoryEntry("x", 0, 1, 0));

		assertEquals(pipes, FileDirectoryInformationDecoder.decode(records(pipes).order(ByteOrder.BIG_ENDIAN)));
	}

	@Test
	void nothingReturned() {
		assertEquals(List.of(), FileDirectoryInformationDecoder.decode(ByteBuffer.allocate(0)));
	}

	@Test
	void rejectsRecordsRunningPastTheBuffer() {
		ByteBuffer buffer = records(List.of(new FileDirectoryEntry("a-long-pipe-name", 1, 1, 0)));

		assertThrows(IllegalArgumentException.class,
				() -> FileDirectoryInformationDecoder.decode(buffer.duplicate().limit(70)));
		ByteBuffer backwards = records(List.of(new FileDirectoryEntry("a", 1, 1, 0), new FileDirectoryEntry("b", 1, 1, 0)));
		backwards.order(ByteOrder.LITTLE_ENDIAN).putInt(0, 8);
		assertThrows(IllegalArgumentException.class, () -> FileDirectoryInformationDecoder.decode(backwards));
	}
}
