package org.ipcscope.core.struct;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.ipcscope.core.text.Printable;

/**
 * Reads a field's value from bytes and writes one back, little endian. Decoding never fails: bytes
 * that are missing or unreadable give {@code ??}, values that fit no enumerator give the number.
 */
public final class FieldCodec {

	/** FILETIME counts 100 ns from 1601-01-01; this is that day on Java's clock. */
	private static final Instant FILETIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

	private FieldCodec() {
	}

	/**
	 * @param window     the bytes of the overlay's window: index 0 is the field offset 0
	 * @param unreadable the window's bytes that could not be read (may be null: all readable)
	 */
	public static FieldValue decode(Field field, byte[] window, BitSet unreadable) {
		long end = field.offset() + field.size();
		boolean readable = field.offset() >= 0 && end <= window.length
				&& (unreadable == null || unreadable.nextSetBit((int) field.offset()) < 0
						|| unreadable.nextSetBit((int) field.offset()) >= end);
		if (!readable) {
			return new FieldValue(field, "??", new byte[0], false);
		}
		byte[] bytes = Arrays.copyOfRange(window, (int) field.offset(), (int) end);
		if (field.kind() == FieldKind.BITFIELD) {
			long bits = bits(bytes, field.bitOffset(), field.bitWidth());
			byte[] raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(bits).array();
			return new FieldValue(field, bitfieldText(field, bits), raw, true);
		}
		return new FieldValue(field, text(field, bytes), bytes, true);
	}

	public static FieldValue decode(Field field, byte[] window) {
		return decode(field, window, null);
	}

	private static long bits(byte[] bytes, int bitOffset, int width) {
		BigInteger value = new BigInteger(1, reversed(bytes)).shiftRight(bitOffset);
		return value.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)).longValue();
	}

	private static byte[] reversed(byte[] bytes) {
		byte[] out = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			out[i] = bytes[bytes.length - 1 - i];
		}
		return out;
	}

	private static String bitfieldText(Field field, long bits) {
		long value = field.signed() && field.bitWidth() < 64 && (bits >>> (field.bitWidth() - 1) & 1) != 0
				? bits - (1L << field.bitWidth()) : bits;
		String binary = "0b" + padded(Long.toBinaryString(bits), field.bitWidth());
		String name = field.enumerators().get(value);
		return binary + " (" + (name != null ? name + " = " : "") + value + ")";
	}

	private static String padded(String binary, int width) {
		return "0".repeat(Math.max(0, width - binary.length())) + binary;
	}

	private static long integer(byte[] bytes, boolean signed) {
		long value = 0;
		for (int i = Math.min(bytes.length, 8) - 1; i >= 0; i--) {
			value = value << 8 | bytes[i] & 0xff;
		}
		if (signed && bytes.length < 8 && (bytes[bytes.length - 1] & 0x80) != 0) {
			value |= -1L << (bytes.length * 8);
		}
		return value;
	}

	private static String text(Field field, byte[] bytes) {
		return switch (field.kind()) {
		case STRUCT, UNION, ARRAY -> "";
		case SIGNED -> Long.toString(integer(bytes, true));
		case UNSIGNED -> Long.toUnsignedString(integer(bytes, false));
		case BOOL -> bytes[0] == 0 ? "false" : bytes[0] == 1 ? "true" : Integer.toString(bytes[0] & 0xff);
		case CHAR -> "'" + Printable.escape(String.valueOf((char) (bytes[0] & 0xff))) + "'"
				+ (bytes[0] < 0x20 || bytes[0] >= 0x7f ? " (" + integer(bytes, true) + ")" : "");
		case WIDE_CHAR -> "L'" + Printable.escape(wide(bytes, field.unitSize())) + "'";
		case STRING -> "\"" + Printable.escape(narrow(bytes)) + "\"";
		case WIDE_STRING -> "L\"" + Printable.escape(wide(bytes, field.unitSize())) + "\"";
		case ENUM -> {
			long value = integer(bytes, field.signed());
			String name = field.enumerators().get(value);
			yield name == null ? Long.toString(value) : name + " (" + value + ")";
		}
		case FLOAT -> floating(bytes);
		case POINTER -> String.format("0x%0" + bytes.length * 2 + "x", integer(bytes, false));
		case GUID -> guid(bytes);
		case FILETIME -> filetime(integer(bytes, false));
		case BITFIELD -> throw new IllegalStateException();
		};
	}

	private static String narrow(byte[] bytes) {
		int end = 0;
		while (end < bytes.length && bytes[end] != 0) {
			end++;
		}
		// byte for byte: what is not UTF-8 shows as \xHH (NameBytes keeps such bytes apart)
		return org.ipcscope.core.text.NameBytes.decode(Arrays.copyOf(bytes, end));
	}

	private static String wide(byte[] bytes, int unit) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i + unit <= bytes.length; i += unit) {
			int c = (int) integer(Arrays.copyOfRange(bytes, i, i + unit), false);
			if (c == 0) {
				break;
			}
			if (unit == 4 && !Character.isValidCodePoint(c)) {
				out.append('\uFFFD');
			} else if (unit == 4) {
				out.appendCodePoint(c);
			} else {
				out.append((char) c);
			}
		}
		return out.toString();
	}

	private static String floating(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		return switch (bytes.length) {
		case 4 -> Float.toString(buffer.getFloat());
		case 8 -> Double.toString(buffer.getDouble());
		default -> Double.toString(x87(bytes));
		};
	}

	/** @return an 80-bit x87 extended value (System V long double) as the nearest double */
	private static double x87(byte[] bytes) {
		long mantissa = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		int signExponent = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
		int exponent = signExponent & 0x7fff;
		double sign = (signExponent & 0x8000) != 0 ? -1 : 1;
		if (exponent == 0x7fff) {
			return (mantissa << 1) == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
		}
		double value = new BigInteger(1, reversed(Arrays.copyOf(bytes, 8))).doubleValue();
		return sign * Math.scalb(value, (exponent == 0 ? 1 : exponent) - 16383 - 63);
	}

	private static String guid(byte[] b) {
		ByteBuffer buffer = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		HexFormat hex = HexFormat.of().withUpperCase();
		return String.format("{%08X-%04X-%04X-%s-%s}", buffer.getInt(0), buffer.getShort(4), buffer.getShort(6),
				hex.formatHex(b, 8, 10), hex.formatHex(b, 10, 16));
	}

	private static String filetime(long ticks) {
		if (ticks == 0) {
			return "0";
		}
		if (ticks < 0) {
			return Long.toUnsignedString(ticks);
		}
		return FILETIME_EPOCH.plusSeconds(ticks / 10_000_000).plusNanos(ticks % 10_000_000 * 100).toString();
	}

	/**
	 * @param text    the value as {@link #decode} shows it, or simply written: a number (decimal,
	 *                {@code 0x} hex, {@code 0b} binary), an enumerator's name, {@code true}, text in
	 *                quotes or bare for a string, a time for FILETIME, {@code {...}} for a GUID
	 * @param current the field's bytes now ({@link Field#size()} of them): a bitfield keeps the bits
	 *                around it
	 * @return the field's new bytes, to write at its offset
	 * @throws IllegalArgumentException with a message for the user when the text is not such a value
	 *                                  or does not fit
	 */
	public static byte[] encode(Field field, String text, byte[] current) {
		String value = text.strip();
		return switch (field.kind()) {
		case STRUCT, UNION, ARRAY -> throw new IllegalArgumentException(field.name() + " has no value of its own");
		case SIGNED, UNSIGNED, POINTER -> littleEndian(fitting(field, number(value), field.size() * 8), field.size());
		case BOOL -> littleEndian(value.equals("true") ? 1 : value.equals("false") ? 0 : fitting(field, number(value), 8),
				1);
		case CHAR -> littleEndian(value.length() >= 3 && value.startsWith("'") && value.endsWith("'")
				? character(value.substring(1, value.length() - 1)) : fitting(field, number(value), 8), 1);
		case WIDE_CHAR -> littleEndian(value.startsWith("L'") && value.endsWith("'")
				? character(value.substring(2, value.length() - 1)) : number(value), field.size());
		case ENUM -> littleEndian(fitting(field, enumerator(field, value), field.size() * 8), field.size());
		case BITFIELD -> bitfield(field, value, current);
		case FLOAT -> floatBytes(field, value);
		case STRING -> string(field, unquote(value, ""), 1);
		case WIDE_STRING -> string(field, unquote(value, "L"), field.unitSize());
		case GUID -> guidBytes(value);
		case FILETIME -> filetimeBytes(value);
		};
	}

	private static String unquote(String value, String prefix) {
		if (value.startsWith(prefix + "\"") && value.endsWith("\"") && value.length() >= prefix.length() + 2) {
			return Printable.unescape(value.substring(prefix.length() + 1, value.length() - 1));
		}
		return value;
	}

	private static long character(String inside) {
		String c = Printable.unescape(inside);
		if (c.codePointCount(0, c.length()) != 1) {
			throw new IllegalArgumentException("one character, not '" + inside + "'");
		}
		return c.codePointAt(0);
	}

	static long number(String text) {
		String t = text.replace("_", "");
		boolean negative = t.startsWith("-");
		String digits = negative ? t.substring(1) : t;
		// "RUNNING (1)" as decode shows it: the number in parentheses counts
		int open = digits.indexOf(" (");
		if (open > 0 && digits.endsWith(")")) {
			digits = digits.substring(0, open);
		}
		try {
			BigInteger value;
			if (digits.startsWith("0x") || digits.startsWith("0X")) {
				value = new BigInteger(digits.substring(2), 16);
			} else if (digits.startsWith("0b") || digits.startsWith("0B")) {
				value = new BigInteger(digits.substring(2), 2);
			} else {
				value = new BigInteger(digits);
			}
			if (negative) {
				value = value.negate();
			}
			if (value.bitLength() > 64 || value.signum() < 0 && value.bitLength() > 63) {
				throw new IllegalArgumentException("'" + text + "' does not fit 64 bits");
			}
			return value.longValue();
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a number: '" + text + "'");
		}
	}

	private static long fitting(Field field, long value, long bits) {
		if (bits >= 64) {
			return value;
		}
		long min = field.signed() ? -(1L << (bits - 1)) : 0;
		long max = field.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
		// an unsigned field also takes its bits written as a negative number, as C converts it
		if (value < min && !(!field.signed() && value >= -(1L << (bits - 1))) || value > max) {
			throw new IllegalArgumentException(value + " does not fit " + field.name() + " (" + field.typeName() + ")");
		}
		return value;
	}

	private static long enumerator(Field field, String value) {
		String name = value.contains(" (") ? value.substring(0, value.indexOf(" (")) : value;
		for (Map.Entry<Long, String> e : field.enumerators().entrySet()) {
			if (e.getValue().equals(name)) {
				return e.getKey();
			}
		}
		return number(value);
	}

	private static byte[] littleEndian(long value, long size) {
		byte[] out = new byte[(int) size];
		for (int i = 0; i < size && i < 8; i++) {
			out[i] = (byte) (value >>> (8 * i));
		}
		return out;
	}

	private static byte[] bitfield(Field field, String value, byte[] current) {
		if (current.length != field.size()) {
			throw new IllegalArgumentException("the field's " + field.size() + " current bytes are needed");
		}
		String text = value.contains(" (") ? value.substring(0, value.indexOf(" (")) : value;
		long number = field.enumerators().containsValue(text) ? enumerator(field, text) : number(text);
		long bits = fitting(field, number, field.bitWidth());
		BigInteger mask = BigInteger.ONE.shiftLeft(field.bitWidth()).subtract(BigInteger.ONE).shiftLeft(field.bitOffset());
		BigInteger now = new BigInteger(1, reversed(current));
		BigInteger placed = BigInteger.valueOf(bits).and(BigInteger.ONE.shiftLeft(field.bitWidth()).subtract(BigInteger.ONE))
				.shiftLeft(field.bitOffset());
		BigInteger result = now.andNot(mask).or(placed);
		byte[] big = result.toByteArray();
		byte[] out = new byte[current.length];
		for (int i = 0; i < out.length && i < big.length; i++) {
			out[i] = big[big.length - 1 - i];
		}
		return out;
	}

	private static byte[] floatBytes(Field field, String value) {
		double d;
		try {
			d = Double.parseDouble(value);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a number: '" + value + "'");
		}
		ByteBuffer out = ByteBuffer.allocate((int) field.size()).order(ByteOrder.LITTLE_ENDIAN);
		if (field.size() == 4) {
			return out.putFloat((float) d).array();
		}
		if (field.size() == 8) {
			return out.putDouble(d).array();
		}
		throw new IllegalArgumentException("writing a long double is not supported");
	}

	private static byte[] string(Field field, String value, int unit) {
		byte[] encoded = switch (unit) {
		case 1 -> org.ipcscope.core.text.NameBytes.encode(value);
		case 2 -> value.getBytes(StandardCharsets.UTF_16LE);
		default -> value.getBytes(Charsets.UTF_32LE);
		};
		if (encoded.length + unit > field.size()) {
			throw new IllegalArgumentException("'" + value + "' needs " + (encoded.length + unit) + " bytes with its NUL; "
					+ field.name() + " has " + field.size());
		}
		return Arrays.copyOf(encoded, (int) field.size());
	}

	/** UTF-32 is not one of the charsets every JVM must have by name, but every JDK has it. */
	private static final class Charsets {
		static final java.nio.charset.Charset UTF_32LE = java.nio.charset.Charset.forName("UTF-32LE");
	}

	private static byte[] guidBytes(String value) {
		String hex = value.replaceAll("[{}\\-]", "");
		if (!hex.matches("[0-9a-fA-F]{32}")) {
			throw new IllegalArgumentException("a GUID is {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, not '" + value + "'");
		}
		byte[] b = HexFormat.of().parseHex(hex);
		ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
		out.putInt(ByteBuffer.wrap(b, 0, 4).getInt()).putShort(ByteBuffer.wrap(b, 4, 2).getShort())
				.putShort(ByteBuffer.wrap(b, 6, 2).getShort()).put(b, 8, 8);
		return out.array();
	}

	private static byte[] filetimeBytes(String value) {
		long ticks;
		try {
			Instant at = Instant.parse(value);
			Duration since = Duration.between(FILETIME_EPOCH, at);
			ticks = since.getSeconds() * 10_000_000 + since.getNano() / 100;
		} catch (DateTimeParseException e) {
			ticks = number(value.toLowerCase(Locale.ROOT));
		}
		return littleEndian(ticks, 8);
	}
}
