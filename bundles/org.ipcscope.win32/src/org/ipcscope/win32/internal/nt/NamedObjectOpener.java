package org.ipcscope.win32.internal.nt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;

/** One of ntdll's NtOpenXxx calls, which all take (handle out, access, object attributes). */
@FunctionalInterface
public interface NamedObjectOpener {

	int open(HANDLEByReference handle, int desiredAccess, Pointer objectAttributes);

	/**
	 * Opens an entry of an open directory with only the access asked; the caller closes the handle.
	 *
	 * @throws NtStatusException with the status of a refusal (access denied, gone...)
	 */
	default HANDLE open(ObjectDirectory directory, String name, int desiredAccess) throws NtStatusException {
		Memory attributes = ObjectAttributesBlock.of(directory.handle(), name);
		HANDLEByReference result = new HANDLEByReference();
		int status = open(result, desiredAccess, attributes);
		if (!NtStatus.isSuccess(status)) {
			throw new NtStatusException(name, status);
		}
		return result.getValue();
	}
}
