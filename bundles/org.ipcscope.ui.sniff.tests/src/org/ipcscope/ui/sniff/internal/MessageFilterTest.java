package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ipcscope.core.sniff.CapturedMessage;
import org.junit.jupiter.api.Test;

/** The capture table's filter as the user types it: dwData, sender and content. */
class MessageFilterTest {

	private static CapturedMessage message(long dwData, long sender, long pid, byte[] payload) {
		return new CapturedMessage(1, 0, sender, pid, 0x1a2b, dwData, payload.length, payload, 1);
	}

	private static CapturedMessage withDwData(long dwData) {
		return message(dwData, 0x3c4d, 43, new byte[0]);
	}

	private static boolean passes(String dwData, String sender, String content, CapturedMessage m) {
		return MessageFilter.parse(dwData, sender, content).test(m);
	}

	@Test
	void dwDataExactInHexOrDecimal() {
		assertTrue(passes("16", "", "", withDwData(16)));
		assertTrue(passes("0x10", "", "", withDwData(16)));
		assertTrue(passes(" 0X10 ", "", "", withDwData(16)));
		assertFalse(passes("0x11", "", "", withDwData(16)));
		assertTrue(passes("", "", "", withDwData(16)), "an empty filter lets everything through");
	}

	@Test
	void dwDataRangesAreInclusiveAndUnsigned() {
		for (String range : List.of("0x10-0x1f", "16..31", "16 - 0x1f")) {
			assertTrue(passes(range, "", "", withDwData(16)), range);
			assertTrue(passes(range, "", "", withDwData(31)), range);
			assertFalse(passes(range, "", "", withDwData(32)), range);
			assertFalse(passes(range, "", "", withDwData(15)), range);
		}
		// pointer-sized dwData above Long.MAX_VALUE compares unsigned
		assertTrue(passes("0x8000000000000000-0xffffffffffffffff", "", "", withDwData(-1)));
		assertTrue(passes("18446744073709551615", "", "", withDwData(-1)));
		assertFalse(passes("0-0x7fffffffffffffff", "", "", withDwData(-1)));
	}

	@Test
	void badDwDataSaysWhatIsWrong() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> MessageFilter.parse("abc", "", ""));
		assertTrue(e.getMessage().startsWith("dwData: 'abc' is not a number"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> MessageFilter.parse("20-10", "", ""));
		assertTrue(e.getMessage().contains("is empty"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> MessageFilter.parse("1-2-3", "", ""));
	}

	@Test
	void senderByHandleOrByProcess() {
		CapturedMessage m = message(0, 0x3c4d, 43, new byte[0]);
		assertTrue(passes("", "0x3c4d", "", m));
		assertTrue(passes("", "hwnd:15437", "", m));
		assertTrue(passes("", "43", "", m));
		assertTrue(passes("", "pid:43", "", m));
		assertFalse(passes("", "44", "", m));
		assertFalse(passes("", "0x3c4e", "", m));
		assertFalse(passes("", "pid:43", "", message(0, 0x3c4d, -1, new byte[0])), "unresolved pid matches no pid");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> MessageFilter.parse("", "me", ""));
		assertTrue(e.getMessage().startsWith("sender:"), e.getMessage());
	}

	@Test
	void contentAsTextInUtf8OrUtf16le() {
		CapturedMessage utf8 = message(0, 1, 1, "Größe: 12".getBytes(StandardCharsets.UTF_8));
		CapturedMessage utf16 = message(0, 1, 1, "Größe: 12".getBytes(StandardCharsets.UTF_16LE));
		assertTrue(passes("", "", "öß", utf8));
		assertTrue(passes("", "", "öß", utf16));
		assertFalse(passes("", "", "Gross", utf8));
		assertFalse(passes("", "", "x", message(0, 1, 1, new byte[0])));
	}

	@Test
	void contentAsSearchPatterns() {
		CapturedMessage m = message(0, 1, 1, new byte[] { 0, (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 7 });
		assertTrue(passes("", "", "hex:de ad be ef", m));
		assertTrue(passes("", "", "hex:de ?? be", m));
		assertFalse(passes("", "", "hex:de be", m));
		assertTrue(passes("", "", "int32be:0xdeadbeef", m));
		assertThrows(IllegalArgumentException.class, () -> MessageFilter.parse("", "", "hex:zz"));
	}

	@Test
	void allPartsMustMatch() {
		CapturedMessage m = message(5, 0x10, 9, "ping".getBytes(StandardCharsets.US_ASCII));
		assertTrue(passes("5", "pid:9", "ping", m));
		assertFalse(passes("5", "pid:9", "pong", m));
		assertFalse(passes("6", "pid:9", "ping", m));
	}

	@Test
	void messageNamesAndNumbersAndParameterTexts() {
		CapturedMessage handle = new CapturedMessage(2, 0, CapturedMessage.Kind.POSTED, 0xc1a1, "Handle", 4300, 0x1f4,
				-1, -1, 0x1a2b, 0, 0, new byte[0], CapturedMessage.UNKNOWN_RESULT);
		assertTrue(MessageFilter.ALL.withMessage("HANDLE", "").test(handle));
		assertTrue(MessageFilter.ALL.withMessage("posted", "").test(handle));
		assertTrue(MessageFilter.ALL.withMessage("x, 0xc1a1", "").test(handle), "a number in hex");
		assertTrue(MessageFilter.ALL.withMessage("49569", "").test(handle), "a number in decimal");
		assertFalse(MessageFilter.ALL.withMessage("Mapped,sent", "").test(handle));
		assertTrue(MessageFilter.ALL.withMessage(" , ", "").test(handle), "no item: everything");
		assertTrue(MessageFilter.ALL.withMessage("", "0X1F4").test(handle));
		assertTrue(MessageFilter.ALL.withMessage("", "l:(500)").test(handle));
		assertFalse(MessageFilter.ALL.withMessage("", "w:(500)").test(handle));
		assertTrue(MessageFilter.ALL.withMessage("", "w:4300").test(handle));
		assertTrue(MessageFilter.ALL.withMessage("", "l:").test(handle), "a prefix alone: everything");
		assertFalse(MessageFilter.parse("16", "", "").withMessage("Handle", "").test(handle), "with the other parts");
	}
}
