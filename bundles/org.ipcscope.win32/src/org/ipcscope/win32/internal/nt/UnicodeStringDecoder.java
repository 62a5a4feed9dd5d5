package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes a UNICODE_STRING (x64, 16 bytes: {USHORT Length@0 in bytes, USHORT MaximumLength@2,
 * PWSTR Buffer@8}) whose characters the kernel put into the same buffer, as NtQueryObject,
 * NtQueryDirectoryObject and NtQuerySymbolicLinkObject do. Buffer is an absolute address, so
 * decoding needs the address byte 0 of the buffer had for the kernel.
 */
public final class UnicodeStringDecoder {

	public static final int SIZE = 16;

	private UnicodeStringDecoder() {
	}

	/**
	 * @param buffer      any byte order, read as little endian
	 * @param offset      where the UNICODE_STRING starts in {@code buffer}
	 * @param baseAddress the address of byte 0 of {@code buffer}
	 * @throws IllegalArgumentException if the characters are not inside the buffer
	 */
	public static String decode(ByteBuffer buffer, int offset, long baseAddress) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (offset < 0 || offset + SIZE > in.limit()) {
			throw new IllegalArgumentException("UNICODE_STRING at offset " + offset + " beyond " + in.limit() + " bytes");
		}
		int byteLength = Short.toUnsignedInt(in.getShort(offset));
		long address = in.getLong(offset + 8);
		if (byteLength == 0) {
			return "";
		}
		long start = address - baseAddress;
		if (address == 0 || start < 0 || start + byteLength > in.limit() || byteLength % 2 != 0) {
			throw new IllegalArgumentException(String.format(
					"UNICODE_STRING at offset %d points outside the buffer (0x%X, %d bytes)", offset, address, byteLength));
		}
		char[] chars = new char[byteLength / 2];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = in.getChar((int) start + 2 * i);
		}
		return new String(chars);
	}
}
