package org.ipcscope.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatternSyntaxTest {

	@Test
	void integersInBothEndians() {
		assertArrayEquals(new byte[] { (byte) 0xd2, 0x04, 0, 0 }, PatternSyntax.parse("int32:1234").bytes());
		assertArrayEquals(new byte[] { 0, 0, 0x04, (byte) 0xd2 }, PatternSyntax.parse("int32be:1234").bytes());
		assertArrayEquals(new byte[] { (byte) 0xff, (byte) 0xff }, PatternSyntax.parse("int16:-1").bytes());
		assertArrayEquals(new byte[] { 0x7f }, PatternSyntax.parse("int8:0x7f").bytes());
		assertArrayEquals(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }, PatternSyntax.parse("int64:1").bytes());
	}

	@Test
	void textsAndHex() {
		assertArrayEquals(new byte[] { 'h', 0, 'i', 0 }, PatternSyntax.parse("utf16:hi").bytes());
		assertArrayEquals(new byte[] { 'h', 'i' }, PatternSyntax.parse("text:hi").bytes());
		assertArrayEquals(new byte[] { 0x48, 0, 0x6c }, PatternSyntax.parse("hex:48 ?? 6c").bytes());
	}

	@Test
	void badPatternsSayWhy() {
		assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("int8:300"));
		assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("nonsense"));
		assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("int32:abc"));
		assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("text:"));
		// found by CommandLineFuzzTest: BigInteger read the fullwidth digit as 1 and the search found ones
		assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("int32:\uff11"));
		assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("int8:\u0663"));
	}

	@Test
	void asciiRefusesWhatIsNotAsciiNamingTheCharacter() {
		// US-ASCII's encoder turned \u00e9 into '?' and searched for "caf?"
		String message = assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("ascii:caf\u00e9"))
				.getMessage();
		assertTrue(message.contains("U+00E9") && message.contains("text:"), message);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> PatternSyntax.parse("ascii:a\ud83d\ude00"))
				.getMessage().contains("U+1F600"));
		assertArrayEquals(new byte[] { 'a', 0x7f }, PatternSyntax.parse("ascii:a\u007f").bytes());
	}
}
