package org.ipcscope.win32.internal.nt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * Names and type names of objects by handle, through NtQueryObject. Both answers are a
 * UNICODE_STRING followed by its characters (OBJECT_NAME_INFORMATION; OBJECT_TYPE_INFORMATION
 * starts with its TypeName). Not for the name of a File handle: that query can block forever.
 */
public final class ObjectInformation {

	private static final int INITIAL_SIZE = 1024;
	private static final int MAX_SIZE = 1 << 17;

	private Memory buffer = new Memory(INITIAL_SIZE);

	/** @return the object's full NT name, "" for an unnamed object */
	public String name(HANDLE handle) throws NtStatusException {
		return query(handle, NtDllFunctions.OBJECT_NAME_INFORMATION);
	}

	/** @return the object's type name ("Section", "File", ...) */
	String typeName(HANDLE handle) throws NtStatusException {
		return query(handle, NtDllFunctions.OBJECT_TYPE_INFORMATION);
	}

	private String query(HANDLE handle, int informationClass) throws NtStatusException {
		IntByReference needed = new IntByReference();
		while (true) {
			int status = NtDllFunctions.INSTANCE.NtQueryObject(handle, informationClass, buffer, (int) buffer.size(),
					needed);
			if (isTooSmall(status) && buffer.size() < MAX_SIZE) {
				buffer = new Memory(Math.min(MAX_SIZE, Math.max(buffer.size() * 2, needed.getValue())));
				continue;
			}
			if (!NtStatus.isSuccess(status)) {
				throw new NtStatusException("object information", status);
			}
			return UnicodeStringDecoder.decode(buffer.getByteBuffer(0, buffer.size()), 0, Pointer.nativeValue(buffer));
		}
	}

	public static boolean isTooSmall(int status) {
		return status == NtStatus.INFO_LENGTH_MISMATCH || status == NtStatus.BUFFER_OVERFLOW
				|| status == NtStatus.BUFFER_TOO_SMALL;
	}
}
