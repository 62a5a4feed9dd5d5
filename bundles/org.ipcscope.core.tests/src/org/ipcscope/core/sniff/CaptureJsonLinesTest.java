package org.ipcscope.core.sniff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CaptureJsonLinesTest {

	private static final WindowInfo TARGET = new WindowInfo(0xfedcba9876543210L, "Cls \"q\"\\", "Tïtle\n\t", 42, 7,
			"recv.exe", true);

	@Test
	void aCaptureReadsBackByteExact() throws IOException {
		byte[] big = new byte[1 << 20];
		new Random(1).nextBytes(big);
		List<CapturedMessage> messages = List.of(
				new CapturedMessage(1, 1763820000000001L, 0x1234, 99, TARGET.hwnd(), -1L, 0, new byte[0], 1),
				new CapturedMessage(2, 1763820000000002L, 0, -1, TARGET.hwnd(), 0x10, 1, new byte[] { (byte) 0xff },
						CapturedMessage.UNKNOWN_RESULT),
				new CapturedMessage(3, 1763820000000003L, 0x1, 5, TARGET.hwnd(), 7, 2 << 20, big, -5));
		StringWriter out = new StringWriter();
		CaptureJsonLines.write(out, TARGET, CaptureStrategy.IN_PROCESS, messages);
		assertEquals(4, out.toString().lines().count());

		CaptureJsonLines.Capture back = CaptureJsonLines.read(new BufferedReader(new StringReader(out.toString())));
		assertEquals(TARGET, back.target());
		assertEquals(CaptureStrategy.IN_PROCESS, back.strategy());
		assertEquals(3, back.messages().size());
		for (int i = 0; i < 3; i++) {
			CapturedMessage want = messages.get(i);
			CapturedMessage got = back.messages().get(i);
			assertEquals(want.sequence(), got.sequence());
			assertEquals(want.timeMicros(), got.timeMicros());
			assertEquals(want.sender(), got.sender());
			assertEquals(want.senderPid(), got.senderPid());
			assertEquals(want.dwData(), got.dwData(), "dwData is pointer sized and unsigned");
			assertEquals(want.cbData(), got.cbData());
			assertEquals(want.result(), got.result());
			assertArrayEquals(want.payload(), got.payload());
		}
		assertTrue(back.messages().get(2).isTruncated());
	}

	@Test
	void badLinesSayWhereAndWhat() {
		String text = "{\"seq\":1,\"sender\":\"0x1\",\"target\":\"0x2\",\"dwData\":\"0x3\",\"payload\":\"\"}\n"
				+ "{\"seq\":2,\"sender\":\"0x1\",\"target\":\"0x2\",\"dwData\":\"0x3\",\"payload\":[1]}\n";
		IOException e = assertThrows(IOException.class,
				() -> CaptureJsonLines.read(new BufferedReader(new StringReader(text))));
		assertTrue(e.getMessage().startsWith("line 2: column "), e.getMessage());
		assertTrue(e.getMessage().contains("nested"), e.getMessage());

		IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
				() -> CaptureJsonLines.parseLine("{\"seq\":1}"));
		assertTrue(missing.getMessage().contains("\"payload\" is missing"), missing.getMessage());
		assertThrows(IllegalArgumentException.class, () -> CaptureJsonLines.parseLine("{\"payload\":\"\"} x"));
	}

	@Test
	void otherMessagesReadBackWithKindNumberNameAndParameters() throws IOException {
		List<CapturedMessage> messages = List.of(
				new CapturedMessage(1, 10, CapturedMessage.Kind.SENT, 0xC0A1, "Mapped", 0, 0, -1, -1, TARGET.hwnd(), 0, 0,
						new byte[0], 7),
				new CapturedMessage(2, 11, CapturedMessage.Kind.POSTED, 0xC0A2, "H\u00e4ndle \"q\"", 4242,
						0xffff800012345678L, 17, 18, TARGET.hwnd(), 0, 0, new byte[0], CapturedMessage.UNKNOWN_RESULT),
				new CapturedMessage(3, 12, CapturedMessage.Kind.SENT, 0x401, null, -1L, 1, 5, 6, TARGET.hwnd(), 0, 0,
						new byte[0], -3));
		StringWriter out = new StringWriter();
		CaptureJsonLines.write(out, TARGET, CaptureStrategy.PROXY, messages);

		List<CapturedMessage> back = CaptureJsonLines.read(new BufferedReader(new StringReader(out.toString())))
				.messages();
		assertEquals(3, back.size());
		for (int i = 0; i < 3; i++) {
			CapturedMessage want = messages.get(i);
			CapturedMessage got = back.get(i);
			assertEquals(want.kind(), got.kind());
			assertEquals(want.message(), got.message());
			assertEquals(want.name(), got.name());
			assertEquals(want.wParam(), got.wParam());
			assertEquals(want.lParam(), got.lParam());
			assertEquals(want.senderPid(), got.senderPid());
			assertEquals(want.senderThread(), got.senderThread());
			assertEquals(want.result(), got.result());
		}
		assertEquals("WM_USER+0x1", back.get(2).displayName());
		assertTrue(out.toString().contains("\"msg\":\"0xc0a1\",\"name\":\"Mapped\""), out.toString());
		assertTrue(out.toString().startsWith("{\"format\":\"ipcscope-copydata\",\"version\":2,"));
	}

	@Test
	void aVersionOneCaptureStillOpensAsWmCopyData() throws IOException {
		String old = "{\"format\":\"ipcscope-copydata\",\"version\":1,\"target\":\"0x1a2b\",\"class\":\"C\",\"title\":\"R\","
				+ "\"pid\":42,\"thread\":7,\"process\":\"r.exe\",\"messageOnly\":false,\"strategy\":\"proxy\"}\n"
				+ "{\"seq\":1,\"timeUs\":1763820000000000,\"sender\":\"0x3c4d\",\"senderPid\":43,\"target\":\"0x1a2b\","
				+ "\"dwData\":\"0x10\",\"cbData\":5,\"result\":1,\"payload\":\"aGVsbG8=\"}\n";
		CapturedMessage message = CaptureJsonLines.read(new BufferedReader(new StringReader(old))).messages().get(0);
		assertEquals(CapturedMessage.Kind.SENT, message.kind());
		assertEquals(WindowMessages.WM_COPYDATA, message.message());
		assertEquals("WM_COPYDATA", message.displayName());
		assertEquals(0x3c4d, message.wParam());
		assertEquals(0x3c4d, message.sender());
		assertEquals(-1, message.senderThread());
		assertEquals(0x10, message.dwData());
		assertArrayEquals("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII), message.payload());
	}

	@Test
	void aNewLineKeepsEveryVersionOneField() {
		CapturedMessage message = new CapturedMessage(1, 10, CapturedMessage.Kind.POSTED, 0xC0A1, "Shared", 9, 8, -1,
				-1, 0x1a2b, 0, 0, new byte[0], CapturedMessage.UNKNOWN_RESULT);
		java.util.Map<String, String> json = org.ipcscope.core.text.FlatJson.parse(CaptureJsonLines.line(message));
		for (String key : List.of("seq", "timeUs", "sender", "senderPid", "target", "dwData", "cbData", "payload")) {
			assertTrue(json.containsKey(key), key);
		}
		assertEquals("0x9", json.get("sender"), "a version 1 reader sees wParam as sender");
		assertThrows(IllegalArgumentException.class, () -> CaptureJsonLines
				.parseLine(CaptureJsonLines.line(message).replace("\"posted\"", "\"beamed\"")));
	}
}
