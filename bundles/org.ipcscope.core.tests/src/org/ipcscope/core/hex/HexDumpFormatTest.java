package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

class HexDumpFormatTest {

	@Test
	void rowsLikeHexdumpC() {
		HexDumpFormat format = new HexDumpFormat(16, 0x100, TextEncoding.ASCII);
		byte[] bytes = "Hello, shared memory!".getBytes(StandardCharsets.US_ASCII);
		BitSet unreadable = new BitSet();
		assertEquals("00000000  48 65 6c 6c 6f 2c 20 73  68 61 72 65 64 20 6d 65  |Hello, shared me|",
				format.row(0, bytes, unreadable, 0, 16));
		unreadable.set(20);
		assertEquals("00000010  6d 6f 72 79 ??                                    |mory?|",
				format.row(16, bytes, unreadable, 16, 5));
	}

	@Test
	void marksUnderChangedBytes() {
		HexDumpFormat format = new HexDumpFormat(16, 0x100, TextEncoding.ASCII);
		BitSet changed = new BitSet();
		changed.set(1);
		changed.set(9);
		assertEquals("             ^^                       ^^", format.marks(changed, 0, 16));
	}

	@Test
	void wideOffsetsForLargeRegions() {
		HexDumpFormat format = new HexDumpFormat(8, 0x1_0000_0000L, TextEncoding.ASCII);
		assertEquals("100000000  00 00 00 00 00 00 00 00  |........|",
				format.row(0x1_0000_0000L, new byte[8], new BitSet(), 0, 8));
	}
}
