package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

class DirectoryInformationDecoderTest {

	/** Any address: the decoder must only use it to turn pointers into offsets. */
	private static final long BASE = 0x7FF6_1234_0000L;

	private static final List<DirectoryEntry> ENTRIES = List.of(
			new DirectoryEntry("Local\u00e9-shm", "Section"),
			new DirectoryEntry("Global", "SymbolicLink"),
			new DirectoryEntry("Restricted", "Directory"),
			new DirectoryEntry("", "Event"));

	@Test
	void decodesRecordsUpToTheTerminatingRecord() {
		ByteBuffer buffer = ByteBuffer.allocate(4096);
		DirectoryInformationWriter.write(buffer, BASE, ENTRIES);

		assertEquals(ENTRIES, DirectoryInformationDecoder.decode(buffer, BASE, Integer.MAX_VALUE));
	}

	@Test
	void readsLittleEndianWhateverTheBufferOrder() {
		ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.BIG_ENDIAN);
		DirectoryInformationWriter.write(buffer, BASE, ENTRIES);

		assertEquals(ENTRIES, DirectoryInformationDecoder.decode(buffer, BASE, Integer.MAX_VALUE));
	}

	@Test
	void emptyDirectoryIsJustTheTerminator() {
		ByteBuffer buffer = ByteBuffer.allocate(64);
		DirectoryInformationWriter.write(buffer, BASE, List.of());

		assertEquals(List.of(), DirectoryInformationDecoder.decode(buffer, BASE, Integer.MAX_VALUE));
	}

	@Test
	void stopsAtMaxEntriesForWineSingleEntryLayout() {
		// Wine writes its strings where the terminating record would be.
		ByteBuffer buffer = ByteBuffer.allocate(4096);
		DirectoryInformationWriter.writeSingle(buffer, BASE, new DirectoryEntry("ipcscope-1", "Section"));

		assertEquals(List.of(new DirectoryEntry("ipcscope-1", "Section")),
				DirectoryInformationDecoder.decode(buffer, BASE, 1));
	}

	@Test
	void rejectsAStringPointingOutsideTheBuffer() {
		ByteBuffer buffer = ByteBuffer.allocate(4096);
		DirectoryInformationWriter.write(buffer, BASE, ENTRIES);

		assertThrows(IllegalArgumentException.class,
				() -> DirectoryInformationDecoder.decode(buffer, BASE + 4096, Integer.MAX_VALUE));
		assertThrows(IllegalArgumentException.class,
				() -> DirectoryInformationDecoder.decode(buffer.limit(100), BASE, Integer.MAX_VALUE));
	}
}
