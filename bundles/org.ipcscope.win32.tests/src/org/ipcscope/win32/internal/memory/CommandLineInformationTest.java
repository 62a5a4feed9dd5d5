package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** ProcessCommandLineInformation's answer, laid out as documented: a UNICODE_STRING and its characters. */
class CommandLineInformationTest {

	private static final long AT = 0x2000_0000L;

	private static ByteBuffer block(String text, int bufferOffset, int declaredBytes) {
		byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);
		ByteBuffer block = ByteBuffer.allocate(bufferOffset + chars.length).order(ByteOrder.LITTLE_ENDIAN);
		block.putShort(0, (short) declaredBytes).putShort(2, (short) (declaredBytes + 2)).putLong(8, AT + bufferOffset);
		block.put(bufferOffset, chars);
		return block;
	}

	@Test
	void theCharactersAfterTheHeader() {
		String line = "\"C:\\Program Files\\x.exe\" --port 5000 \u00e9";
		assertEquals(line, CommandLineInformation.decode(block(line, 16, 2 * line.length()), AT));
	}

	@Test
	void aBufferOutsideTheBlockOrAnOddLengthGivesNothing() {
		assertEquals("", CommandLineInformation.decode(block("abc", 16, 6), AT + 4096));
		assertEquals("", CommandLineInformation.decode(block("abc", 16, 5), AT));
		assertEquals("", CommandLineInformation.decode(block("abc", 16, 600), AT));
		assertEquals("", CommandLineInformation.decode(ByteBuffer.allocate(8), AT));
	}
}
