package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DataInspectorTest {

	private static Map<String, InspectorRow> decode(byte[] bytes, BitSet unreadable) {
		List<InspectorRow> rows = DataInspector.decode(bytes, unreadable);
		return rows.stream().collect(Collectors.toMap(InspectorRow::type, r -> r));
	}

	private static Map<String, InspectorRow> decode(byte[] bytes) {
		return decode(bytes, new BitSet());
	}

	@Test
	void integersInBothByteOrders() {
		byte[] bytes = { (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, (byte) 0x80 };
		Map<String, InspectorRow> rows = decode(bytes);
		assertEquals("-2", rows.get("int8").littleEndian());
		assertEquals("254", rows.get("uint8").bigEndian());
		assertEquals("-2", rows.get("int16").littleEndian());
		assertEquals("-257", rows.get("int16").bigEndian());
		assertEquals("65534", rows.get("uint16").littleEndian());
		assertEquals("-2", rows.get("int32").littleEndian());
		assertEquals("4294967294", rows.get("uint32").littleEndian());
		assertEquals("-9223372032559808514", rows.get("int64").littleEndian());
		assertEquals("9223372041149743102", rows.get("uint64").littleEndian());
		assertEquals("0xFFFFFFFE", rows.get("pointer (32-bit)").littleEndian());
		assertEquals("0x80000000FFFFFFFE", rows.get("pointer (64-bit)").littleEndian());
		assertEquals("0xFEFFFFFF00000080", rows.get("pointer (64-bit)").bigEndian());
	}

	@Test
	void floatsAndTimes() {
		ByteBuffer le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		le.putDouble(0, 1.5);
		assertEquals("1.5", decode(le.array()).get("double").littleEndian());
		le.putFloat(0, -0.25f);
		assertEquals("-0.25", decode(le.array()).get("float").littleEndian());
		// 2021-01-01T00:00:00Z
		le.putLong(0, 132_539_328_000_000_000L);
		assertEquals("2021-01-01T00:00:00Z", decode(le.array()).get("FILETIME").littleEndian());
		le.putLong(0, 1_609_459_200L);
		assertEquals("2021-01-01T00:00:00Z", decode(le.array()).get("time_t (64-bit)").littleEndian());
		assertEquals("2021-01-01T00:00:00Z", decode(le.array()).get("time_t (32-bit)").littleEndian());
		le.putLong(0, -1);
		assertEquals("invalid", decode(le.array()).get("FILETIME").littleEndian());
	}

	@Test
	void guidInWindowsAndRfcLayout() {
		byte[] bytes = { 0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, (byte) 0x88, (byte) 0x99, (byte) 0xAA,
				(byte) 0xBB, (byte) 0xCC, (byte) 0xDD, (byte) 0xEE, (byte) 0xFF };
		InspectorRow guid = decode(bytes).get("GUID");
		assertEquals("{00112233-4455-6677-8899-AABBCCDDEEFF}", guid.littleEndian());
		assertEquals("{33221100-5544-7766-8899-AABBCCDDEEFF}", guid.bigEndian());
	}

	@Test
	void stringsStopAtNul() {
		byte[] utf8 = new byte[16];
		byte[] text = "héllo\n".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(text, 0, utf8, 0, text.length);
		assertEquals("\"héllo\\n\"", decode(utf8).get("UTF-8").littleEndian());
		byte[] utf16 = new byte[16];
		byte[] wide = "Hi".getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(wide, 0, utf16, 0, wide.length);
		assertEquals("\"Hi\"", decode(utf16).get("UTF-16").littleEndian());
		assertEquals("\"\"", decode(new byte[4]).get("UTF-8").littleEndian());
		assertEquals("\"AB\"...", decode("AB".getBytes(StandardCharsets.US_ASCII)).get("UTF-8").littleEndian(),
				"no NUL before the end");
	}

	@Test
	void tooFewOrUnreadableBytes() {
		Map<String, InspectorRow> two = decode(new byte[2]);
		assertEquals("0", two.get("int16").littleEndian());
		assertEquals(DataInspector.NOT_ENOUGH, two.get("int32").littleEndian());
		BitSet unreadable = new BitSet();
		unreadable.set(3);
		Map<String, InspectorRow> rows = decode(new byte[8], unreadable);
		assertEquals("0", rows.get("int16").littleEndian());
		assertEquals(DataInspector.UNREADABLE, rows.get("int32").littleEndian());
		assertEquals(DataInspector.UNREADABLE, rows.get("double").bigEndian());
	}
}
