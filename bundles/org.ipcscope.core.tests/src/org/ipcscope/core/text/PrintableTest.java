package org.ipcscope.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PrintableTest {

	@Test
	void controlsFormatCharactersAndRawBytesShowAsEscapes() {
		assertEquals("plain é 😀 name", Printable.escape("plain é 😀 name"));
		assertEquals("a\\nb\\tc\\rd\\\\e", Printable.escape("a\nb\tc\rd\\e"));
		assertEquals("\\x1b]0;x\\x07\\x1b[31m\\x7f", Printable.escape("\u001b]0;x\u0007\u001b[31m\u007f"));
		// C1 CSI, a right-to-left override and a line separator as their UTF-8 bytes; a raw byte as itself
		assertEquals("\\xc2\\x9b\\xe2\\x80\\xae\\xe2\\x80\\xa8/a\\xff", Printable.escape("\u009b\u202e\u2028/a\udcff"));
	}

	@Test
	void unescapeGivesBackTheNameByteForByte() {
		Random random = new Random(11);
		for (int round = 0; round < 2000; round++) {
			byte[] bytes = new byte[random.nextInt(12)];
			random.nextBytes(bytes);
			String name = NameBytes.decode(bytes);
			String shown = Printable.escape(name);
			assertTrue(shown.codePoints().allMatch(Printable::isVisible), shown);
			assertArrayEquals(bytes, NameBytes.encode(Printable.unescape(shown)), shown);
		}
	}

	@Test
	void badEscapesAreRefusedSayingWhy() {
		assertEquals("unknown escape \\q (known: \\\\, \\n, \\t, \\r, \\xHH, \\uHHHH)",
				assertThrows(IllegalArgumentException.class, () -> Printable.unescape("/a\\q")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Printable.unescape("/a\\x4")).getMessage()
				.startsWith("\\x needs 2 hex digits"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Printable.unescape("/a\\")).getMessage()
				.startsWith("a backslash ends the text"));
	}
}
