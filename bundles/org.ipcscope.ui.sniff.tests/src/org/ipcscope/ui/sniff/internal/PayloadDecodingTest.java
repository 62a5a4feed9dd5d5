package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.ipcscope.ui.sniff.internal.PayloadDecoding.Detection;
import org.ipcscope.ui.sniff.internal.PayloadDecoding.Reason;
import org.junit.jupiter.api.Test;

/** The decoders of the detail pane and what auto-detect picks, on payloads as senders build them. */
class PayloadDecodingTest {

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] bytes(int... values) {
		byte[] out = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = (byte) values[i];
		}
		return out;
	}

	@Test
	void emptyIsNothingToDecode() {
		assertEquals(new Detection(PayloadDecoding.ASCII, Reason.EMPTY), PayloadDecoding.detect(new byte[0]));
		assertEquals("", PayloadDecoding.AUTO.decode(new byte[0], 100));
	}

	@Test
	void asciiTextWithItsTerminatingNul() {
		byte[] payload = "hello, world\r\n\0".getBytes(StandardCharsets.US_ASCII);
		assertEquals(new Detection(PayloadDecoding.ASCII, Reason.ASCII_ONLY), PayloadDecoding.detect(payload));
		assertEquals("hello, world\r\n.", PayloadDecoding.AUTO.decode(payload, 100));
	}

	@Test
	void utf16leTextIsFoundByItsNulPattern() {
		byte[] text = "Grüße aus Köln".getBytes(StandardCharsets.UTF_16LE);
		assertEquals(new Detection(PayloadDecoding.UTF_16LE, Reason.NUL_PATTERN), PayloadDecoding.detect(text));
		assertEquals("Grüße aus Köln", PayloadDecoding.AUTO.decode(text, 1000));
		byte[] terminated = concat(text, new byte[2]);
		assertEquals(new Detection(PayloadDecoding.UTF_16LE, Reason.NUL_PATTERN), PayloadDecoding.detect(terminated));
		assertEquals("Grüße aus Köln.", PayloadDecoding.UTF_16LE.decode(terminated, 1000));
	}

	@Test
	void byteOrderMarksDecideAndAreNotShown() {
		byte[] utf16 = concat(bytes(0xFF, 0xFE), "€ 5".getBytes(StandardCharsets.UTF_16LE));
		assertEquals(new Detection(PayloadDecoding.UTF_16LE, Reason.BOM), PayloadDecoding.detect(utf16));
		assertEquals("€ 5", PayloadDecoding.AUTO.decode(utf16, 100));
		byte[] utf8 = concat(bytes(0xEF, 0xBB, 0xBF), "naïve".getBytes(StandardCharsets.UTF_8));
		assertEquals(new Detection(PayloadDecoding.UTF_8, Reason.BOM), PayloadDecoding.detect(utf8));
		assertEquals("naïve", PayloadDecoding.AUTO.decode(utf8, 100));
	}

	@Test
	void validUtf8WithMultiByteCharacters() {
		byte[] payload = "Preis: 12 € — Größe".getBytes(StandardCharsets.UTF_8);
		assertEquals(new Detection(PayloadDecoding.UTF_8, Reason.VALID_UTF8), PayloadDecoding.detect(payload));
		assertEquals("Preis: 12 € — Größe", PayloadDecoding.AUTO.decode(payload, 100));
		// the same bytes read as ASCII: one dot per byte above 0x7F
		assertEquals("Preis: 12 ... ... Gr....e", PayloadDecoding.ASCII.decode(payload, 100));
	}

	@Test
	void binaryIsShownAsAsciiWithDots() {
		byte[] payload = bytes(0x00, 0x01, 0x41, 0xFF, 0x80, 0x42, 0x7F, 0x09);
		assertEquals(new Detection(PayloadDecoding.ASCII, Reason.BINARY), PayloadDecoding.detect(payload));
		assertEquals("..A..B.\t", PayloadDecoding.AUTO.decode(payload, 100));
		byte[] malformedUtf8 = bytes('a', 0xC3, 0x28, 'b');
		assertEquals(Reason.BINARY, PayloadDecoding.detect(malformedUtf8).reason());
		assertEquals("a.(b", PayloadDecoding.UTF_8.decode(malformedUtf8, 100));
	}

	@Test
	void everyByteValueIsBinaryAndDecodesWithoutFailing() {
		byte[] all = new byte[256];
		for (int i = 0; i < all.length; i++) {
			all[i] = (byte) i;
		}
		assertEquals(Reason.BINARY, PayloadDecoding.detect(all).reason());
		for (PayloadDecoding decoding : PayloadDecoding.values()) {
			String text = decoding.decode(all, all.length);
			assertTrue(text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'),
					decoding + " let a control character through");
		}
	}

	@Test
	void oddUtf16leLengthEndsInADot() {
		byte[] payload = concat("ab".getBytes(StandardCharsets.UTF_16LE), bytes(0x41));
		assertEquals("ab.", PayloadDecoding.UTF_16LE.decode(payload, 100));
	}

	@Test
	void decodesOnlyUpToTheLimit() {
		byte[] payload = "abcdefgh".getBytes(StandardCharsets.US_ASCII);
		assertEquals("abc", PayloadDecoding.ASCII.decode(payload, 3));
		assertEquals("abc", PayloadDecoding.AUTO.decode(payload, 3));
	}

	@Test
	void aLargeUtf8PayloadCutMidCharacterByTheDetectionLimitIsStillUtf8() {
		String euros = "€".repeat(PayloadDecoding.DETECT_LIMIT);
		byte[] payload = euros.getBytes(StandardCharsets.UTF_8);
		// 3 bytes a character: the limit falls inside one
		assertTrue(PayloadDecoding.DETECT_LIMIT % 3 != 0);
		assertEquals(new Detection(PayloadDecoding.UTF_8, Reason.VALID_UTF8), PayloadDecoding.detect(payload));
	}

	@Test
	void previewIsOneLineOfTheDetectedText() {
		byte[] utf16 = "line one\r\nline two".getBytes(StandardCharsets.UTF_16LE);
		assertEquals("line one  line two", PayloadDecoding.preview(utf16, 64));
		assertEquals("line", PayloadDecoding.preview(utf16, 4));
		assertEquals("", PayloadDecoding.preview(new byte[0], 64));
	}
}
