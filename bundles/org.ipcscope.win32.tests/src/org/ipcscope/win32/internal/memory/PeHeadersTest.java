package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/** PE section tables: a buffer laid out as the PE format documents it, and the test DLL's own headers. */
class PeHeadersTest {

	private static final int E_LFANEW = 0x80;
	private static final int OPTIONAL_HEADER = 0xF0;

	@Test
	void sectionsOfADocumentedLayout() {
		ByteBuffer image = headers(new String[] { ".text", ".data", ".shared" },
				new int[] { 0x60000020, 0xC0000040, 0xD0000040 });

		List<PeSection> sections = PeHeaders.sections(image);

		assertEquals(List.of(new PeSection(".text", 0x1000, 0x800, 0x60000020),
				new PeSection(".data", 0x2000, 0x800, 0xC0000040), new PeSection(".shared", 0x3000, 0x800, 0xD0000040)),
				sections);
		assertEquals(List.of(false, false, true), sections.stream().map(PeSection::isShared).toList());
		assertEquals(E_LFANEW + 24 + OPTIONAL_HEADER + 3 * 40, PeHeaders.headersLength(image));
	}

	@Test
	void anEightCharacterNameHasNoTerminator() {
		assertEquals(".sharedx", PeHeaders.sections(headers(new String[] { ".sharedx" }, new int[] { 0 })).get(0).name());
	}

	@Test
	void notAnImage() {
		assertEquals("no MZ header", assertThrows(IllegalArgumentException.class,
				() -> PeHeaders.sections(oneSection().putShort(0, (short) 0)))
				.getMessage());
		assertEquals("no PE signature at 0x80", assertThrows(IllegalArgumentException.class,
				() -> PeHeaders.sections(oneSection().putInt(E_LFANEW, 0)))
				.getMessage());
		assertEquals("e_lfanew 0x7ffffff0 is out of range", assertThrows(IllegalArgumentException.class,
				() -> PeHeaders.sections(oneSection().putInt(0x3C, 0x7FFFFFF0)))
				.getMessage());
		assertThrows(IllegalArgumentException.class, () -> PeHeaders.sections(oneSection().slice(0, 0x100)));
	}

	@Test
	void theTestDllHasOneSharedSection() throws Exception {
		// The headers of a file are laid out as they are mapped at the image base.
		ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(WindowsProcessMemoryProviderTest.sharedDll()));

		List<PeSection> shared = PeHeaders.sections(file).stream().filter(PeSection::isShared).toList();

		assertEquals(List.of(".shared"), shared.stream().map(PeSection::name).toList());
		assertTrue(shared.get(0).virtualSize() >= 8);
		assertFalse(PeHeaders.sections(file).stream().filter(s -> s.name().equals(".data")).findFirst().orElseThrow()
				.isShared());
	}

	private static ByteBuffer oneSection() {
		return headers(new String[] { ".text" }, new int[] { 0 });
	}

	/** DOS header, "PE\0\0", IMAGE_FILE_HEADER, an empty optional header and the section table. */
	private static ByteBuffer headers(String[] names, int[] characteristics) {
		ByteBuffer image = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
		image.putShort(0, (short) 0x5A4D).putInt(0x3C, E_LFANEW);
		image.putInt(E_LFANEW, 0x00004550).putShort(E_LFANEW + 4, (short) 0x8664)
				.putShort(E_LFANEW + 6, (short) names.length).putShort(E_LFANEW + 20, (short) OPTIONAL_HEADER);
		for (int i = 0; i < names.length; i++) {
			int entry = E_LFANEW + 24 + OPTIONAL_HEADER + i * 40;
			image.put(entry, names[i].getBytes(StandardCharsets.US_ASCII));
			image.putInt(entry + 8, 0x800).putInt(entry + 12, 0x1000 * (i + 1)).putInt(entry + 16, 0x200)
					.putInt(entry + 36, characteristics[i]);
		}
		return image;
	}
}
