package org.ipcscope.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NameBytesTest {

	@Test
	void validUtf8DecodesAsUsualAndEveryOtherByteAsItsOwnCharacter() {
		assertEquals("/é😀", NameBytes.decode("/é😀".getBytes(StandardCharsets.UTF_8)));
		assertEquals("/a\udcff", NameBytes.decode(new byte[] { '/', 'a', (byte) 0xff }));
		// an encoded surrogate, an overlong NUL and a cut sequence are not UTF-8: byte by byte
		assertEquals("\udced\udca0\udc80", NameBytes.decode(new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }));
		assertEquals("\udcc0\udc80x", NameBytes.decode(new byte[] { (byte) 0xc0, (byte) 0x80, 'x' }));
		assertEquals("\udcf0\udc9f\udc98", NameBytes.decode(new byte[] { (byte) 0xf0, (byte) 0x9f, (byte) 0x98 }));
		assertTrue(NameBytes.hasRawBytes("/a\udcff"));
		assertFalse(NameBytes.hasRawBytes("/😀"), "a pair whose low half is in U+DC80..U+DCFF is a character");
		assertThrows(IllegalArgumentException.class, () -> NameBytes.encode("\ud800"));
	}

	@Test
	void anyBytesRoundTrip() {
		Random random = new Random(5);
		for (int round = 0; round < 5000; round++) {
			byte[] bytes = new byte[random.nextInt(16)];
			random.nextBytes(bytes);
			assertArrayEquals(bytes, NameBytes.encode(NameBytes.decode(bytes)));
		}
	}

	@Test
	void pathsHaveTheNamesBytesAndListingsGiveThemBack() throws Exception {
		Path directory = Files.createTempDirectory("ipcscope-names");
		try {
			String name = NameBytes.name(directory) + "/a\udcff b\n\udce9é";
			Path path = NameBytes.path(name);
			Files.writeString(path, "x");
			List<String> listed = new ArrayList<>();
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
				entries.forEach(entry -> listed.add(NameBytes.name(entry)));
			}
			assertEquals(List.of(name), listed);
			assertEquals("x", Files.readString(NameBytes.path(listed.get(0))));
			assertThrows(InvalidPathException.class, () -> NameBytes.path("/a\u0000b\udcff"));
			Files.delete(path);
		} finally {
			Files.deleteIfExists(directory);
		}
	}
}
