package org.ipcscope.win32.internal.inventory;

import java.nio.ByteBuffer;

import org.ipcscope.win32.internal.nt.NamedObjectOpener;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/** One of NtQueryEvent, NtQueryMutant, NtQuerySemaphore: same shape, fixed-size answers. */
@FunctionalInterface
interface StateQuery {

	int query(HANDLE handle, int informationClass, Pointer information, int length, IntByReference returnLength);

	/** @return the answer's bytes, to give to the structure's decoder */
	default ByteBuffer ask(HANDLE handle, int informationClass, int size, String what) throws NtStatusException {
		Memory information = new Memory(size);
		information.clear();
		int status = query(handle, informationClass, information, size, new IntByReference());
		if (!NtStatus.isSuccess(status)) {
			throw new NtStatusException(what, status);
		}
		return information.getByteBuffer(0, size);
	}

	/** Opens, asks through {@code body}, closes. */
	static ObjectState withHandle(NamedObjectOpener opener, int access, ObjectDirectory directory, String name,
			HandleBody body) throws NtStatusException {
		HANDLE handle = opener.open(directory, name, access);
		try {
			return body.apply(handle);
		} finally {
			NtDllFunctions.INSTANCE.NtClose(handle);
		}
	}

	@FunctionalInterface
	interface HandleBody {
		ObjectState apply(HANDLE handle) throws NtStatusException;
	}
}
