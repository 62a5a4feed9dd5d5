package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** OBJECT_NAME_INFORMATION as NtQueryObject fills it: the UNICODE_STRING, then its characters. */
class UnicodeStringDecoderTest {

	private static final long BASE = 0x0000_01F2_3456_0000L;

	private static ByteBuffer nameInformation(String name) {
		ByteBuffer buffer = ByteBuffer.allocate(16 + 2 * name.length() + 2).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putShort(0, (short) (2 * name.length()));
		buffer.putShort(2, (short) (2 * name.length() + 2));
		buffer.putInt(4, 0xCCCCCCCC);
		buffer.putLong(8, BASE + 16);
		for (int i = 0; i < name.length(); i++) {
			buffer.putChar(16 + 2 * i, name.charAt(i));
		}
		return buffer;
	}

	@Test
	void decodesTheCharactersTheStringPointsTo() {
		String name = "\\Sessions\\1\\BaseNamedObjects\\\u540d\u524d \ud83d\ude00";

		assertEquals(name, UnicodeStringDecoder.decode(nameInformation(name), 0, BASE));
	}

	@Test
	void anUnnamedObjectHasAnEmptyString() {
		ByteBuffer buffer = ByteBuffer.allocate(16);

		assertEquals("", UnicodeStringDecoder.decode(buffer, 0, BASE));
	}

	@Test
	void rejectsPointersOutsideTheBuffer() {
		assertThrows(IllegalArgumentException.class, () -> UnicodeStringDecoder.decode(nameInformation("abc"), 0, BASE + 20));
		assertThrows(IllegalArgumentException.class, () -> UnicodeStringDecoder.decode(nameInformation("abc"), 0, BASE - 100));
		assertThrows(IllegalArgumentException.class, () -> UnicodeStringDecoder.decode(ByteBuffer.allocate(8), 0, BASE));
	}
}
