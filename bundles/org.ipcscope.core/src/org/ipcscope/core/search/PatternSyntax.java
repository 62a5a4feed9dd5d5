package org.ipcscope.core.search;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Patterns as users type them, for the command line and search dialogs:
 * {@code hex:48 65 ?? 6c}, {@code text:hello} (UTF-8), {@code ascii:hello}, {@code utf16:hello},
 * and integers {@code int8:} to {@code int64:} (1 to 8 bytes) with an optional {@code be} suffix
 * for big-endian ({@code int32be:1234}); little-endian otherwise. Negative values are two's complement.
 */
public final class PatternSyntax {

	public static final String HELP = "hex:48 65 ?? 6c | text:TEXT | ascii:TEXT | utf16:TEXT | int8..int64[be]:VALUE";

	private PatternSyntax() {
	}

	/** @throws IllegalArgumentException with a message fit to show */
	public static BytePattern parse(String spec) {
		int colon = spec.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("A pattern starts with its kind: " + HELP);
		}
		String kind = spec.substring(0, colon);
		String value = spec.substring(colon + 1);
		if (value.isEmpty()) {
			throw new IllegalArgumentException("The pattern '" + spec + "' is empty");
		}
		return switch (kind) {
		case "hex" -> BytePattern.hex(value);
		case "text" -> BytePattern.text(value, StandardCharsets.UTF_8);
		case "ascii" -> BytePattern.text(ascii(value), StandardCharsets.US_ASCII);
		case "utf16" -> BytePattern.utf16le(value);
		default -> integer(kind, value);
		};
	}

	/** US-ASCII's encoder makes '?' of anything else: a search for a byte the user never typed. */
	private static String ascii(String value) {
		value.codePoints().filter(c -> c > 0x7f).findFirst().ifPresent(c -> {
			throw new IllegalArgumentException(String.format(
					"ascii: takes ASCII text only, and U+%04X%s is not ASCII; text: searches for UTF-8", c,
					Character.isISOControl(c) || !Character.isDefined(c) ? "" : " '" + Character.toString(c) + "'"));
		});
		return value;
	}

	private static BytePattern integer(String kind, String value) {
		boolean bigEndian = kind.endsWith("be");
		String width = kind.replaceFirst("^int", "").replaceFirst("(be|le)$", "");
		if (!kind.startsWith("int") || !width.matches("8|16|24|32|40|48|56|64")) {
			throw new IllegalArgumentException("Unknown pattern kind '" + kind + "': " + HELP);
		}
		int bytes = Integer.parseInt(width) / 8;
		// ASCII digits only: BigInteger also takes fullwidth and other scripts' digits
		if (!value.matches("-?[0-9]{1,40}|0x[0-9a-fA-F]{1,32}")) {
			throw new IllegalArgumentException("'" + value + "' is not a number (decimal, or hex as 0x...)");
		}
		BigInteger number = value.startsWith("0x") ? new BigInteger(value.substring(2), 16) : new BigInteger(value);
		BigInteger range = BigInteger.ONE.shiftLeft(8 * bytes);
		if (number.compareTo(range) >= 0 || number.compareTo(range.shiftRight(1).negate()) < 0) {
			throw new IllegalArgumentException(value + " does not fit in " + bytes + " bytes");
		}
		long bits = number.longValue();
		byte[] pattern = new byte[bytes];
		for (int i = 0; i < bytes; i++) {
			byte b = (byte) (bits >>> (8 * i));
			pattern[bigEndian ? bytes - 1 - i : i] = b;
		}
		return BytePattern.of(pattern);
	}
}
