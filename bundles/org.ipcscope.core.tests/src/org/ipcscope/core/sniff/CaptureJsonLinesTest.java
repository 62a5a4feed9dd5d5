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
}
