package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

class TextEncodingTest {

	private static String render(TextEncoding encoding, byte[] bytes, BitSet unreadable, int from, int length) {
		StringBuilder out = new StringBuilder();
		encoding.render(bytes, unreadable, from, length, out);
		return out.toString();
	}

	@Test
	void asciiAndLatin1() {
		byte[] bytes = { 'A', 0, (byte) 0xE9, 0x7F, '~' };
		assertEquals("A...~", render(TextEncoding.ASCII, bytes, new BitSet(), 0, 5));
		assertEquals("A.é.~", render(TextEncoding.LATIN_1, bytes, new BitSet(), 0, 5));
		BitSet unreadable = new BitSet();
		unreadable.set(1);
		assertEquals("A?", render(TextEncoding.ASCII, bytes, unreadable, 0, 2));
	}

	@Test
	void utf8KeepsOneCellPerByte() {
		byte[] bytes = "aé€b".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 + 1 bytes
		assertEquals("aé €  b", render(TextEncoding.UTF_8, bytes, new BitSet(), 0, bytes.length));
		// a row starting inside the euro sign
		assertEquals("  b", render(TextEncoding.UTF_8, bytes, new BitSet(), 4, 3));
		// a row ending inside it: the character shows at its first byte
		assertEquals("aé €", render(TextEncoding.UTF_8, bytes, new BitSet(), 0, 4));
		assertEquals("..", render(TextEncoding.UTF_8, new byte[] { (byte) 0xC3, 0x41 }, new BitSet(), 0, 1) + ".");
	}

	@Test
	void utf16leOneCellPerTwoBytes() {
		byte[] bytes = "Hi\u0001".getBytes(StandardCharsets.UTF_16LE);
		assertEquals("Hi.", render(TextEncoding.UTF_16LE, bytes, new BitSet(), 0, bytes.length));
		assertEquals(2, TextEncoding.UTF_16LE.bytesPerCell());
	}
}
