package org.ipcscope.core.struct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Values decoded from bytes as the struct pane and the command line show them, and encoded back. */
class FieldCodecTest {

	private static final String HEADER = """
			enum mode { OFF, ON = 7, LONG_NAME = -2 };
			struct all {
				int8_t i8; uint16_t u16; int32_t neg; uint64_t big;
				char text[8]; wchar_t wide[4]; char c; _Bool flag;
				enum mode mode; float f; double d;
				unsigned low : 3, mid : 6; int sbits : 4; enum mode m2 : 4;
				void *ptr; GUID id; FILETIME when;
			};
			""";

	private final ParsedHeader header;
	private final Map<String, Field> fields;
	private final byte[] bytes;

	FieldCodecTest() throws HeaderProblem {
		header = ParsedHeader.parse(HeaderSource.ofText(HEADER, "<test>"), HeaderOptions.of(Abi.MSVC64));
		Field root = header.layout("all");
		fields = new java.util.HashMap<>();
		root.flatten().forEach(f -> fields.put(f.path(), f));
		bytes = new byte[(int) root.size()];
	}

	private void put(String path, byte[] value) {
		Field f = fields.get(path);
		byte[] current = Arrays.copyOfRange(bytes, (int) f.offset(), (int) (f.offset() + f.size()));
		byte[] encoded = value != null ? value : current;
		System.arraycopy(encoded, 0, bytes, (int) f.offset(), encoded.length);
	}

	/** Encodes {@code text} into the bytes, decodes it again, and returns what shows. */
	private String roundTrip(String path, String text) {
		Field f = fields.get(path);
		byte[] current = Arrays.copyOfRange(bytes, (int) f.offset(), (int) (f.offset() + f.size()));
		put(path, FieldCodec.encode(f, text, current));
		return FieldCodec.decode(f, bytes).text();
	}

	@Test
	void everyKindShowsAndWritesBack() {
		assertEquals("-128", roundTrip("i8", "-128"));
		assertEquals("65535", roundTrip("u16", "0xffff"));
		assertEquals("-5", roundTrip("neg", "-5"));
		assertEquals("18446744073709551615", roundTrip("big", "18446744073709551615"));
		assertEquals("\"hi\\n\\x1b\"", roundTrip("text", "\"hi\\n\\x1b\""));
		assertEquals("L\"w\u00e9\"", roundTrip("wide", "w\u00e9"));
		assertEquals("'A'", roundTrip("c", "'A'"));
		assertEquals("true", roundTrip("flag", "true"));
		assertEquals("ON (7)", roundTrip("mode", "ON"));
		assertEquals("LONG_NAME (-2)", roundTrip("mode", "-2"));
		assertEquals("99", roundTrip("mode", "99"), "no enumerator: the number");
		assertEquals("1.5", roundTrip("f", "1.5"));
		assertEquals("-2.25E-5", roundTrip("d", "-2.25e-5"));
		assertEquals("0b101 (5)", roundTrip("low", "5"));
		assertEquals("0b111111 (63)", roundTrip("mid", "0b111111"));
		assertEquals("0b101 (5)", FieldCodec.decode(fields.get("low"), bytes).text(), "the neighbour's bits stay");
		assertEquals("0b1100 (-4)", roundTrip("sbits", "-4"));
		assertEquals("0b0111 (ON = 7)", roundTrip("m2", "ON"));
		assertEquals("0x00007ffd12345678", roundTrip("ptr", "0x7ffd12345678"));
		assertEquals("{6B29FC40-CA47-1067-B31D-00DD010662DA}", roundTrip("id", "{6B29FC40-CA47-1067-B31D-00DD010662DA}"));
		assertEquals("2026-12-02T08:45:33.123Z", roundTrip("when", "2026-12-02T08:45:33.123Z"));
	}

	@Test
	void guidAndFiletimeAreDecodedAsWindowsLaysThemOut() {
		Field id = fields.get("id");
		byte[] guid = HexFormat.of().parseHex("40fc296b47ca6710b31d00dd010662da");
		System.arraycopy(guid, 0, bytes, (int) id.offset(), 16);
		assertEquals("{6B29FC40-CA47-1067-B31D-00DD010662DA}", FieldCodec.decode(id, bytes).text());
		Field when = fields.get("when");
		// 2000-01-01T00:00:00Z is 125911584000000000 ticks of 100 ns after 1601
		ByteBuffer.wrap(bytes, (int) when.offset(), 8).order(ByteOrder.LITTLE_ENDIAN).putLong(125911584000000000L);
		assertEquals(Instant.parse("2000-01-01T00:00:00Z").toString(), FieldCodec.decode(when, bytes).text());
	}

	@Test
	void stringsStopAtNulAndEscapeWhatTheyHold() {
		Field text = fields.get("text");
		byte[] raw = "ab\u0007\u00ff".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(new byte[] { 'a', 'b', 7, (byte) 0xff, 0, 'z', 'z', 'z' }, 0, bytes, (int) text.offset(), 8);
		assertEquals(4, raw.length);
		assertEquals("\"ab\\x07\\xff\"", FieldCodec.decode(text, bytes).text());
	}

	@Test
	void unreadableAndMissingBytesShowAsUnknown() {
		Field d = fields.get("d");
		BitSet unreadable = new BitSet();
		unreadable.set((int) d.offset() + 3);
		FieldValue value = FieldCodec.decode(d, bytes, unreadable);
		assertEquals("??", value.text());
		assertEquals(false, value.readable());
		assertEquals("??", FieldCodec.decode(d, Arrays.copyOf(bytes, (int) d.offset() + 4)).text());
	}

	@Test
	void badValuesAreRefusedWithAReason() {
		Field i8 = fields.get("i8");
		assertEquals("128 does not fit i8 (int8_t)",
				assertThrows(IllegalArgumentException.class, () -> FieldCodec.encode(i8, "128", new byte[1])).getMessage());
		assertThrows(IllegalArgumentException.class, () -> FieldCodec.encode(fields.get("low"), "8", new byte[1]));
		assertThrows(IllegalArgumentException.class, () -> FieldCodec.encode(fields.get("text"), "12345678", new byte[8]));
		assertThrows(IllegalArgumentException.class, () -> FieldCodec.encode(fields.get("mode"), "NOPE", new byte[4]));
		assertThrows(IllegalArgumentException.class, () -> FieldCodec.encode(fields.get("id"), "{1234}", new byte[16]));
	}

	@Test
	void overlaysRepeatATypeAndHistoryFollowsChanges() throws HeaderProblem {
		ParsedHeader ring = ParsedHeader.parse(HeaderSource.ofText("struct slot { int seq; char tag[4]; };", "<ring>"),
				HeaderOptions.of(Abi.SYSV64));
		StructOverlay overlay = StructOverlay.of(ring, "slot", 16, 3);
		assertEquals(24, overlay.size());
		assertEquals(List.of("[0].seq", "[0].tag", "[1].seq", "[1].tag", "[2].seq", "[2].tag"),
				overlay.leaves().stream().map(Field::path).toList());
		assertEquals(16, overlay.leaves().get(4).offset(), "[2].seq: two slots of 8 bytes on");

		byte[] window = new byte[24];
		FieldHistory history = new FieldHistory(2);
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		assertEquals(List.of(), history.update(t0, overlay.decode(window, null)), "the first look is no change");
		for (int i = 1; i <= 3; i++) {
			window[8] = (byte) i;
			List<FieldHistory.Change> changes = history.update(t0.plusSeconds(i), overlay.decode(window, null));
			assertEquals(1, changes.size());
			assertEquals("[1].seq", changes.get(0).field().path());
			assertEquals(Integer.toString(i - 1), changes.get(0).before());
			assertEquals(Integer.toString(i), changes.get(0).after());
		}
		assertEquals(List.of(new FieldHistory.Entry(t0.plusSeconds(2), "2"), new FieldHistory.Entry(t0.plusSeconds(3), "3")),
				history.history("[1].seq"), "the last two values");
		assertEquals(t0.plusSeconds(3), history.lastChange("[1].seq"));
		assertEquals(null, history.lastChange("[0].seq"));
		assertEquals(List.of(), history.update(t0.plusSeconds(9), overlay.decode(window, null)));
	}

	@Test
	void overlaySpecsOfTheCommandLine() {
		assertEquals(new OverlaySpec("dir/a.h", "struct s", 0x110, 4), OverlaySpec.parse("dir/a.h:struct s@0x100+16x4"));
		assertEquals(new OverlaySpec("a.h", "T", 0x10, 1), OverlaySpec.parse("a.h:T@0x10"));
		assertEquals(new OverlaySpec("a.h", "T", 0, 8), OverlaySpec.parse("a.h:T[8]"));
		assertEquals(new OverlaySpec("a.h", "T", 16, 2), OverlaySpec.parse("a.h:T@16x2"));
		assertEquals(new OverlaySpec("C:/x/a.h", "T", 0, 1), OverlaySpec.parse("C:/x/a.h:T"));
		assertThrows(IllegalArgumentException.class, () -> OverlaySpec.parse("a.h"));
		assertThrows(IllegalArgumentException.class, () -> OverlaySpec.parse("a.h:T x0"));
		assertThrows(IllegalArgumentException.class, () -> OverlaySpec.parse("a.h:T@nope"));
		assertThrows(IllegalArgumentException.class, () -> OverlaySpec.parse("a.h:1bad"));
	}
}
