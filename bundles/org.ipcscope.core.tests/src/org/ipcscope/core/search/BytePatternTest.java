package org.ipcscope.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BytePatternTest {

	@Test
	void hexWithWildcardsAndHalfBytes() {
		BytePattern pattern = BytePattern.hex("4D 5a ?? 0?");
		assertArrayEquals(new byte[] { 0x4D, 0x5A, 0, 0 }, pattern.bytes());
		assertArrayEquals(new byte[] { (byte) 0xFF, (byte) 0xFF, 0, (byte) 0xF0 }, pattern.mask());
		assertTrue(pattern.matchesAt(new byte[] { 1, 0x4D, 0x5A, 0x77, 0x0E }, 1));
		assertFalse(pattern.matchesAt(new byte[] { 0x4D, 0x5A, 0x77, 0x1E }, 0));
		assertEquals(BytePattern.hex("4d5a??0?"), pattern);
	}

	@Test
	void badHexSaysWhy() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> BytePattern.hex("4D 5")).getMessage()
				.contains("two digits"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> BytePattern.hex("4G")).getMessage()
				.contains("'G'"));
		assertThrows(IllegalArgumentException.class, () -> BytePattern.hex("?? ??"));
		assertThrows(IllegalArgumentException.class, () -> BytePattern.hex(" "));
	}

	@Test
	void textInUtf8AndUtf16le() {
		assertArrayEquals("hé".getBytes(StandardCharsets.UTF_8), BytePattern.text("hé", StandardCharsets.UTF_8).bytes());
		assertArrayEquals(new byte[] { 'h', 0, 'i', 0 }, BytePattern.utf16le("hi").bytes());
		assertThrows(IllegalArgumentException.class, () -> BytePattern.utf16le(""));
	}
}
