package org.ipcscope.win32.internal.nt;

import java.nio.charset.StandardCharsets;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Builds an OBJECT_ATTRIBUTES with its UNICODE_STRING and characters in one block of native
 * memory, so that a single reference keeps all three alive for the duration of a call.
 * <p>
 * x64 layout: OBJECT_ATTRIBUTES (48 bytes) {ULONG Length@0, HANDLE RootDirectory@8,
 * PUNICODE_STRING ObjectName@16, ULONG Attributes@24, PVOID SecurityDescriptor@32,
 * PVOID SecurityQualityOfService@40}, then UNICODE_STRING (16 bytes) {USHORT Length@0,
 * USHORT MaximumLength@2, PWSTR Buffer@8}, then the UTF-16LE characters and a NUL.
 */
public final class ObjectAttributesBlock {

	static final int OBJ_CASE_INSENSITIVE = 0x40;

	private static final int OBJECT_ATTRIBUTES_SIZE = 48;
	private static final int UNICODE_STRING_SIZE = 16;
	private static final int MAX_NAME_BYTES = 0xFFFE;

	private ObjectAttributesBlock() {
	}

	/**
	 * @param root the directory {@code name} is relative to, or {@code null} for an absolute path
	 * @param name an absolute NT path ({@code \BaseNamedObjects}) or a name inside {@code root}
	 */
	public static Memory of(HANDLE root, String name) {
		byte[] chars = name.getBytes(StandardCharsets.UTF_16LE);
		if (chars.length > MAX_NAME_BYTES) {
			throw new IllegalArgumentException("Object name longer than a UNICODE_STRING can hold: " + name.length());
		}
		long stringOffset = OBJECT_ATTRIBUTES_SIZE;
		long charsOffset = stringOffset + UNICODE_STRING_SIZE;
		Memory block = new Memory(charsOffset + chars.length + 2);
		block.clear();

		block.setInt(0, OBJECT_ATTRIBUTES_SIZE);
		block.setPointer(8, root == null ? null : root.getPointer());
		block.setPointer(16, block.share(stringOffset));
		block.setInt(24, OBJ_CASE_INSENSITIVE);

		Pointer string = block.share(stringOffset);
		string.setShort(0, (short) chars.length);
		string.setShort(2, (short) (chars.length + 2));
		string.setPointer(8, block.share(charsOffset));
		block.write(charsOffset, chars, 0, chars.length);
		return block;
	}
}
