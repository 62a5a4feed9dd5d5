package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CopyFormatTest {

	private static final byte[] DATA = { 0x4D, 0x5A, (byte) 0x90, 0x00 };
	private static final String NL = System.lineSeparator();

	@Test
	void everyFormat() {
		assertEquals("4D 5A 90 00", CopyFormat.HEX.format(DATA));
		assertEquals("unsigned char data[4] = {" + NL + "\t0x4D, 0x5A, 0x90, 0x00" + NL + "};",
				CopyFormat.C_ARRAY.format(DATA));
		assertEquals("byte[] data = {" + NL + "\t0x4D, 0x5A, (byte) 0x90, 0x00" + NL + "};", CopyFormat.JAVA.format(DATA));
		assertEquals("TVqQAA==", CopyFormat.BASE64.format(DATA));
		assertEquals(CopyFormat.JAVA, CopyFormat.fromId("java"));
	}

	@Test
	void longHexBreaksEvery16Bytes() {
		assertEquals(2, CopyFormat.HEX.format(new byte[17]).split(NL).length);
	}
}
