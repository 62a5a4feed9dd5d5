package org.ipcscope.core.clipboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The decoders on buffers laid out as the formats' documentation says, and the history file. */
class ClipboardDecodersTest {

	private static ClipboardContent decode(String name, byte[] bytes) {
		return ClipboardDecoders.decode(new ClipboardFormat(1, name, bytes.length, bytes, ""));
	}

	@Test
	void bitmapInfoHeaderGivesSizeDepthAndABmpFile() {
		ByteBuffer dib = ByteBuffer.allocate(40 + 2 * 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
		dib.putInt(40).putInt(2).putInt(-2).putShort((short) 1).putShort((short) 32).putInt(0);
		ClipboardContent content = decode("CF_DIB", dib.array());
		assertEquals("image", content.kind());
		assertEquals("bitmap 2 x 2, 32 bits per pixel, BI_RGB, top-down, header 40 bytes", content.summary());
		byte[] bmp = DibInfo.bmpFile(dib.array());
		assertEquals('B', bmp[0]);
		assertEquals(14 + 40, ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).getInt(10), "pixels follow the header");
		assertNull(DibInfo.bmpFile(new byte[12]));
	}

	/**
	 * 3 x 2 pixels, 24 bits, bottom-up as BITMAPINFOHEADER says by default: each row padded to 4
	 * bytes, the last row first. The .bmp made for the thumbnail is read back by the JDK's own BMP
	 * reader, pixel by pixel.
	 */
	@Test
	void aBottomUp24BitDibBecomesABmpWhosePixelsAreTheDibs() throws IOException {
		int[][] rgb = { { 0xff0000, 0x00ff00, 0x0000ff }, { 0x123456, 0xffffff, 0x000000 } };
		int stride = (3 * 3 + 3) & ~3;
		ByteBuffer dib = ByteBuffer.allocate(40 + stride * 2).order(ByteOrder.LITTLE_ENDIAN);
		dib.putInt(40).putInt(3).putInt(2).putShort((short) 1).putShort((short) 24).putInt(0).putInt(stride * 2)
				.putInt(2835).putInt(2835).putInt(0).putInt(0);
		for (int y = 1; y >= 0; y--) {
			int start = dib.position();
			for (int x = 0; x < 3; x++) {
				dib.put((byte) rgb[y][x]).put((byte) (rgb[y][x] >> 8)).put((byte) (rgb[y][x] >> 16));
			}
			dib.position(start + stride);
		}
		assertEquals("bitmap 3 x 2, 24 bits per pixel, BI_RGB, header 40 bytes", decode("CF_DIB", dib.array()).summary());
		assertPixels(rgb, DibInfo.bmpFile(dib.array()));
	}

	/** 8 bits per pixel: the colour table (biClrUsed entries) lies between the header and the pixels. */
	@Test
	void anIndexedDibKeepsItsColourTableBeforeThePixels() throws IOException {
		int[] palette = { 0x000000, 0xc0ffee, 0xbada55 };
		int[][] rgb = { { 0xc0ffee, 0xbada55 }, { 0xbada55, 0x000000 } };
		int[][] indices = { { 1, 2 }, { 2, 0 } };
		ByteBuffer dib = ByteBuffer.allocate(40 + 3 * 4 + 4 * 2).order(ByteOrder.LITTLE_ENDIAN);
		dib.putInt(40).putInt(2).putInt(-2).putShort((short) 1).putShort((short) 8).putInt(0).putInt(8)
				.putInt(0).putInt(0).putInt(palette.length).putInt(0);
		for (int colour : palette) {
			dib.putInt(colour);
		}
		for (int[] row : indices) {
			dib.put((byte) row[0]).put((byte) row[1]).put((byte) 0).put((byte) 0);
		}
		assertEquals("bitmap 2 x 2, 8 bits per pixel, BI_RGB, top-down, header 40 bytes",
				decode("CF_DIB", dib.array()).summary());
		byte[] bmp = DibInfo.bmpFile(dib.array());
		assertEquals(14 + 40 + 3 * 4, ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).getInt(10));
		assertPixels(rgb, bmp);
	}

	/** BI_BITFIELDS with a 40-byte header: the three masks follow it (RGB 565 here). */
	@Test
	void bitfieldsMasksFollowAPlainHeader() throws IOException {
		ByteBuffer dib = ByteBuffer.allocate(40 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
		dib.putInt(40).putInt(2).putInt(1).putShort((short) 1).putShort((short) 16).putInt(3).putInt(4)
				.putInt(0).putInt(0).putInt(0).putInt(0);
		dib.putInt(0xf800).putInt(0x07e0).putInt(0x001f);
		dib.putShort((short) 0xf800).putShort((short) 0x001f);
		assertTrue(decode("CF_DIB", dib.array()).summary().contains("16 bits per pixel, BI_BITFIELDS"));
		byte[] bmp = DibInfo.bmpFile(dib.array());
		assertEquals(14 + 40 + 12, ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).getInt(10));
		assertPixels(new int[][] { { 0xff0000, 0x0000ff } }, bmp);
	}

	@Test
	void aDibWhoseTablesRunPastItsEndMakesNoBmp() {
		ByteBuffer dib = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		dib.putInt(40).putInt(2).putInt(2).putShort((short) 1).putShort((short) 8).putInt(0).putInt(0)
				.putInt(0).putInt(0).putInt(0).putInt(0);
		assertNull(DibInfo.bmpFile(dib.array()), "256 colours announced, none there");
	}

	private static void assertPixels(int[][] rgb, byte[] bmp) throws IOException {
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bmp));
		assertEquals(rgb[0].length, image.getWidth());
		assertEquals(rgb.length, image.getHeight());
		for (int y = 0; y < rgb.length; y++) {
			for (int x = 0; x < rgb[y].length; x++) {
				assertEquals(Integer.toHexString(rgb[y][x]), Integer.toHexString(image.getRGB(x, y) & 0xffffff),
						"pixel " + x + "," + y);
			}
		}
	}

	@Test
	void rtfKeepsTextDropsControlWordsAndTables() {
		String rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\*\\generator x;}\\f0 caf\\'e9 {\\b bold}\\par \\u8364? end}";
		assertEquals("café bold\n€ end", decode("Rich Text Format", rtf.getBytes(StandardCharsets.ISO_8859_1)).text());
	}

	@Test
	void malformedContentFallsBackToHexWithTheReason() {
		ClipboardContent content = decode("CF_HDROP", new byte[] { 1, 2, 3 });
		assertEquals("hex", content.kind());
		assertTrue(content.summary().startsWith("not valid CF_HDROP"), content.summary());
		assertEquals("hex", decode("HTML Format", "no header".getBytes(StandardCharsets.US_ASCII)).kind());
	}

	@Test
	void textStopsAtTheTerminatorAndSaysWhenTheCapCutIt() {
		ClipboardFormat cut = new ClipboardFormat(13, "CF_UNICODETEXT", 100, "abc".getBytes(StandardCharsets.UTF_16LE), "");
		ClipboardContent content = ClipboardDecoders.decode(cut);
		assertEquals("abc", content.text());
		assertEquals("UTF-16LE text (first 6 of 100 bytes)", content.summary());
		assertEquals("iso-8859-2 text", decode("text/plain;charset=ISO-8859-2", new byte[] { (byte) 0xb1 }).summary());
		assertNull(ClipboardDecoders.decode(ClipboardFormat.listed(1, "CF_TEXT", "")));
	}

	@Test
	void historyFilesRoundTripAndRefuseWhatIsNotOne() throws IOException {
		ClipboardSnapshot snapshot = new ClipboardSnapshot("CLIPBOARD", 1, 7, new ClipboardWindow(0x10, 42, "a\"b", "x"), null,
				List.of(new ClipboardFormat(13, "CF_UNICODETEXT", 10, new byte[] { 0, 1 }, ""), ClipboardFormat.listed(49000, "Odd\nname", "n")),
				null);
		StringWriter out = new StringWriter();
		ClipboardJsonLines.write(out, List.of(snapshot, snapshot));
		List<ClipboardSnapshot> read = ClipboardJsonLines.read(new BufferedReader(new StringReader(out.toString())));
		assertEquals(2, read.size());
		assertEquals(snapshot.owner(), read.get(1).owner());
		assertArrayEquals(new byte[] { 0, 1 }, read.get(1).formats().get(0).content());
		assertEquals("Odd\nname", read.get(1).formats().get(1).name());
		assertEquals(-1, read.get(1).formats().get(1).size());

		assertThrows(IOException.class, () -> ClipboardJsonLines.read(new BufferedReader(new StringReader(""))));
		IOException noHeader = assertThrows(IOException.class, () -> ClipboardJsonLines
				.read(new BufferedReader(new StringReader("{\"kind\":\"change\",\"n\":1}"))));
		assertTrue(noHeader.getMessage().startsWith("line 1: not a clipboard history"), noHeader.getMessage());
		IOException orphan = assertThrows(IOException.class, () -> ClipboardJsonLines.read(new BufferedReader(new StringReader(
				ClipboardJsonLines.header() + "\n{\"kind\":\"data\",\"n\":1,\"id\":1,\"name\":\"x\",\"size\":1,\"content\":null}"))));
		assertTrue(orphan.getMessage().startsWith("line 2: a data line without its change line"), orphan.getMessage());
		IOException shortSize = assertThrows(IOException.class, () -> ClipboardJsonLines.read(new BufferedReader(new StringReader(
				out.toString().replace("\"size\":10", "\"size\":1")))));
		assertTrue(shortSize.getMessage().contains("size 1 is less than the content's 2 bytes"), shortSize.getMessage());
	}
}
