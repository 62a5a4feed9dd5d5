package org.ipcscope.core.search;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a search looks for: bytes and a mask of the bits that must match. A mask byte of 0xFF is
 * an exact byte, 0x00 a wildcard ({@code ??}), 0xF0 or 0x0F half a byte ({@code 4?}, {@code ?4}).
 */
public record BytePattern(byte[] bytes, byte[] mask, String description) {

	public BytePattern {
		if (bytes.length == 0 || bytes.length != mask.length) {
			throw new IllegalArgumentException("A pattern needs at least one byte and a mask of the same length");
		}
		bytes = bytes.clone();
		mask = mask.clone();
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] &= mask[i];
		}
	}

	/** Exact bytes. */
	public static BytePattern of(byte[] bytes) {
		byte[] mask = new byte[bytes.length];
		Arrays.fill(mask, (byte) 0xFF);
		return new BytePattern(bytes, mask, HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes));
	}

	/**
	 * Parses hex such as {@code 4D 5A ?? 00}, {@code 4d5a??00} or {@code 4? ?0}: pairs of hex
	 * digits or {@code ?}, spaces anywhere between pairs.
	 *
	 * @throws IllegalArgumentException with a message for the user
	 */
	public static BytePattern hex(String text) {
		String digits = text.replaceAll("[\\s,]", "");
		if (digits.startsWith("0x") || digits.startsWith("0X")) {
			digits = digits.substring(2);
		}
		if (digits.isEmpty()) {
			throw new IllegalArgumentException("Enter hex bytes such as 4D 5A ?? 00");
		}
		if (digits.length() % 2 != 0) {
			throw new IllegalArgumentException("Hex bytes take two digits each: '" + text.trim() + "'");
		}
		byte[] bytes = new byte[digits.length() / 2];
		byte[] mask = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			int high = nibble(digits.charAt(2 * i), text);
			int low = nibble(digits.charAt(2 * i + 1), text);
			bytes[i] = (byte) ((Math.max(high, 0) << 4) | Math.max(low, 0));
			mask[i] = (byte) ((high < 0 ? 0 : 0xF0) | (low < 0 ? 0 : 0x0F));
		}
		boolean allWild = true;
		for (byte m : mask) {
			allWild &= m == 0;
		}
		if (allWild) {
			throw new IllegalArgumentException("A pattern of wildcards only matches everywhere");
		}
		return new BytePattern(bytes, mask, text.trim());
	}

	private static int nibble(char c, String text) {
		if (c == '?') {
			return -1;
		}
		int value = Character.digit(c, 16);
		if (value < 0) {
			throw new IllegalArgumentException("'" + c + "' is not a hex digit or ? in '" + text.trim() + "'");
		}
		return value;
	}

	/** Text in a charset, e.g. UTF-8 or ISO-8859-1. */
	public static BytePattern text(String text, Charset charset) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("Enter the text to find");
		}
		BytePattern exact = of(text.getBytes(charset));
		return new BytePattern(exact.bytes, exact.mask, '"' + text + "\" (" + charset.name() + ")");
	}

	/** Text as UTF-16 little-endian, how Windows programs keep strings. */
	public static BytePattern utf16le(String text) {
		return text(text, StandardCharsets.UTF_16LE);
	}

	public int length() {
		return bytes.length;
	}

	/** @return whether the pattern matches {@code data} at {@code at}; the caller checks the bounds */
	public boolean matchesAt(byte[] data, int at) {
		for (int i = 0; i < bytes.length; i++) {
			if ((data[at + i] & mask[i]) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BytePattern p && Arrays.equals(bytes, p.bytes) && Arrays.equals(mask, p.mask);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(bytes) + Arrays.hashCode(mask);
	}

	@Override
	public String toString() {
		return description;
	}
}
