package org.ipcscope.win32.internal.nt;

import java.util.Map;

/** NTSTATUS values the object-manager code reacts to, and their wording for users. */
public final class NtStatus {

	public static final int SUCCESS = 0;
	static final int MORE_ENTRIES = 0x00000105;
	public static final int BUFFER_OVERFLOW = 0x80000005;
	public static final int NO_MORE_FILES = 0x80000006;
	static final int NO_MORE_ENTRIES = 0x8000001A;
	static final int UNSUCCESSFUL = 0xC0000001;
	public static final int NOT_IMPLEMENTED = 0xC0000002;
	public static final int INVALID_INFO_CLASS = 0xC0000003;
	public static final int INFO_LENGTH_MISMATCH = 0xC0000004;
	public static final int ACCESS_DENIED = 0xC0000022;
	public static final int BUFFER_TOO_SMALL = 0xC0000023;
	static final int OBJECT_TYPE_MISMATCH = 0xC0000024;
	static final int OBJECT_NAME_INVALID = 0xC0000033;
	public static final int OBJECT_NAME_NOT_FOUND = 0xC0000034;
	public static final int OBJECT_PATH_NOT_FOUND = 0xC000003A;
	static final int IO_TIMEOUT = 0xC00000B5;
	public static final int BAD_DEVICE_TYPE = 0xC00000CB;
	static final int INVALID_HANDLE = 0xC0000008;
	public static final int NO_SUCH_FILE = 0xC000000F;
	public static final int INVALID_DEVICE_REQUEST = 0xC0000010;
	static final int NOT_SAME_OBJECT = 0xC00001AC;

	private static final Map<Integer, String> WORDS = Map.of(
			NOT_IMPLEMENTED, "not implemented",
			ACCESS_DENIED, "access denied",
			BUFFER_TOO_SMALL, "buffer too small",
			OBJECT_TYPE_MISMATCH, "object type mismatch",
			OBJECT_NAME_INVALID, "invalid object name",
			OBJECT_NAME_NOT_FOUND, "not found",
			OBJECT_PATH_NOT_FOUND, "path not found",
			IO_TIMEOUT, "timed out",
			BAD_DEVICE_TYPE, "not supported by the device",
			INVALID_HANDLE, "handle closed");

	private NtStatus() {
	}

	/** Warnings (0x8...) are not errors but are not success either: NO_MORE_ENTRIES is one. */
	public static boolean isSuccess(int status) {
		return status >= 0;
	}

	public static boolean isNotFound(int status) {
		return status == OBJECT_NAME_NOT_FOUND || status == OBJECT_PATH_NOT_FOUND;
	}

	static String hex(int status) {
		return String.format("0x%08X", status);
	}

	/** @return for example "access denied (0xC0000022)", or just the code when it has no words here */
	public static String describe(int status) {
		String words = WORDS.get(status);
		return words == null ? "NTSTATUS " + hex(status) : words + " (" + hex(status) + ")";
	}
}
