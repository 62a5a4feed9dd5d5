package org.ipcscope.core.hex;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the bytes at the caret as the types people look for in shared memory: integers of every
 * width, floats, Windows FILETIME and Unix time_t, GUIDs, strings and pointers, in both byte
 * orders.
 */
public final class DataInspector {

	/** Bytes to read at the caret: the longest string shown. */
	public static final int WINDOW = 64;

	/** Shown where a value would need bytes past the end. */
	public static final String NOT_ENOUGH = "";
	/** Shown where a value would need unreadable bytes. */
	public static final String UNREADABLE = "??";

	/** 100 ns intervals between 1601-01-01 and 1970-01-01. */
	private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;
	private static final int STRING_CHARS = 32;

	private DataInspector() {
	}

	/**
	 * @param bytes      the bytes at the caret; may be shorter than {@link #WINDOW} at the end
	 * @param unreadable indexes of {@code bytes} that could not be read
	 */
	public static List<InspectorRow> decode(byte[] bytes, BitSet unreadable) {
		Bytes at = new Bytes(bytes, unreadable);
		List<InspectorRow> rows = new ArrayList<>();
		rows.add(same("int8", at.text(1, b -> Long.toString(b.get()))));
		rows.add(same("uint8", at.text(1, b -> Integer.toString(Byte.toUnsignedInt(b.get())))));
		rows.add(both("int16", at, 2, b -> Short.toString(b.getShort())));
		rows.add(both("uint16", at, 2, b -> Integer.toString(Short.toUnsignedInt(b.getShort()))));
		rows.add(both("int32", at, 4, b -> Integer.toString(b.getInt())));
		rows.add(both("uint32", at, 4, b -> Integer.toUnsignedString(b.getInt())));
		rows.add(both("int64", at, 8, b -> Long.toString(b.getLong())));
		rows.add(both("uint64", at, 8, b -> Long.toUnsignedString(b.getLong())));
		rows.add(both("float", at, 4, b -> Float.toString(b.getFloat())));
		rows.add(both("double", at, 8, b -> Double.toString(b.getDouble())));
		rows.add(both("FILETIME", at, 8, b -> filetime(b.getLong())));
		rows.add(both("time_t (32-bit)", at, 4, b -> epochSeconds(b.getInt())));
		rows.add(both("time_t (64-bit)", at, 8, b -> epochSeconds(b.getLong())));
		rows.add(both("GUID", at, 16, DataInspector::guid));
		rows.add(same("UTF-8", string(at, StandardCharsets.UTF_8, 1)));
		rows.add(new InspectorRow("UTF-16", string(at, StandardCharsets.UTF_16LE, 2),
				string(at, StandardCharsets.UTF_16BE, 2)));
		rows.add(both("pointer (32-bit)", at, 4, b -> String.format("0x%08X", b.getInt())));
		rows.add(both("pointer (64-bit)", at, 8, b -> String.format("0x%016X", b.getLong())));
		return rows;
	}

	private interface Decoder {
		String decode(ByteBuffer buffer);
	}

	/** The bytes at the caret and which may be used. */
	private record Bytes(byte[] bytes, BitSet unreadable) {

		String text(int width, Decoder decoder) {
			return text(width, ByteOrder.LITTLE_ENDIAN, decoder);
		}

		String text(int width, ByteOrder order, Decoder decoder) {
			if (bytes.length < width) {
				return NOT_ENOUGH;
			}
			int unreadableIndex = unreadable.nextSetBit(0);
			if (unreadableIndex >= 0 && unreadableIndex < width) {
				return UNREADABLE;
			}
			return decoder.decode(ByteBuffer.wrap(bytes, 0, width).order(order));
		}

		/** @return how many bytes from the start may be read */
		int readable() {
			int firstUnreadable = unreadable.nextSetBit(0);
			return firstUnreadable < 0 ? bytes.length : Math.min(firstUnreadable, bytes.length);
		}
	}

	private static InspectorRow same(String type, String value) {
		return new InspectorRow(type, value, value);
	}

	private static InspectorRow both(String type, Bytes at, int width, Decoder decoder) {
		return new InspectorRow(type, at.text(width, ByteOrder.LITTLE_ENDIAN, decoder),
				at.text(width, ByteOrder.BIG_ENDIAN, decoder));
	}

	static String filetime(long ticks) {
		if (ticks < 0) {
			return "invalid";
		}
		long sinceUnix = ticks - FILETIME_UNIX_EPOCH;
		long seconds = Math.floorDiv(sinceUnix, 10_000_000L);
		long nanos = Math.floorMod(sinceUnix, 10_000_000L) * 100;
		return instant(seconds, nanos);
	}

	static String epochSeconds(long seconds) {
		return instant(seconds, 0);
	}

	private static String instant(long seconds, long nanos) {
		try {
			return Instant.ofEpochSecond(seconds, nanos).toString();
		} catch (DateTimeException | ArithmeticException e) {
			return "out of range";
		}
	}

	/** Little-endian: the Windows layout (Data1..3 little-endian); big-endian: RFC 4122 bytes in order. */
	private static String guid(ByteBuffer buffer) {
		long data1 = Integer.toUnsignedLong(buffer.getInt());
		int data2 = Short.toUnsignedInt(buffer.getShort());
		int data3 = Short.toUnsignedInt(buffer.getShort());
		byte[] rest = new byte[8];
		buffer.get(rest);
		HexFormat hex = HexFormat.of().withUpperCase();
		return String.format("{%08X-%04X-%04X-%s-%s}", data1, data2, data3, hex.formatHex(rest, 0, 2),
				hex.formatHex(rest, 2, 8));
	}

	/** A string up to its NUL, the first unreadable byte or {@value #STRING_CHARS} characters. */
	private static String string(Bytes at, Charset charset, int unit) {
		int readable = at.readable();
		if (readable < unit) {
			return at.bytes().length < unit ? NOT_ENOUGH : UNREADABLE;
		}
		int end = 0;
		while (end + unit <= readable && !isNul(at.bytes(), end, unit)) {
			end += unit;
		}
		String text = decodeLenient(at.bytes(), end, charset);
		boolean cut = text.length() > STRING_CHARS;
		if (cut) {
			text = text.substring(0, STRING_CHARS);
		}
		boolean terminated = end + unit <= readable;
		return '"' + escape(text) + '"' + (cut || !terminated ? "..." : "");
	}

	private static boolean isNul(byte[] bytes, int at, int unit) {
		for (int i = 0; i < unit; i++) {
			if (bytes[at + i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static String decodeLenient(byte[] bytes, int length, Charset charset) {
		try {
			return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
		} catch (CharacterCodingException e) {
			return "";
		}
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			default -> {
				if (Character.isISOControl(c)) {
					out.append(String.format("\\x%02x", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
		return out.toString();
	}
}
