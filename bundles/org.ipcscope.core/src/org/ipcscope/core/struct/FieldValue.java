package org.ipcscope.core.struct;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A field's value in one look at the bytes.
 *
 * @param field    the field
 * @param text     the value for people, one line, escaped ({@code RUNNING (1)}, {@code "hello"},
 *                 {@code 0b101 (5)}); {@code ??} when some of its bytes could not be read
 * @param raw      the field's bytes (for a bitfield, its value's bits, little endian); compare these
 *                 to know whether it changed
 * @param readable whether every byte of the field could be read
 */
public record FieldValue(Field field, String text, byte[] raw, boolean readable) {

	/** @return the raw bytes as hex pairs separated by spaces ({@code 2a 00 00 00}) */
	public String rawHex() {
		return readable ? HexFormat.ofDelimiter(" ").formatHex(raw) : "??";
	}

	/** @return whether this value differs from an earlier one of the same field */
	public boolean differsFrom(FieldValue earlier) {
		return earlier == null || readable != earlier.readable || !Arrays.equals(raw, earlier.raw);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof FieldValue v && v.field.equals(field) && v.text.equals(text) && Arrays.equals(v.raw, raw)
				&& v.readable == readable;
	}

	@Override
	public int hashCode() {
		return field.hashCode() * 31 + Arrays.hashCode(raw);
	}

	@Override
	public String toString() {
		return field.path() + " = " + text;
	}
}
