package org.ipcscope.win32.internal.nt;

import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;

/**
 * An open object-manager directory such as {@code \BaseNamedObjects}. Kept open while its
 * entries are examined, because objects in it are opened relative to its handle.
 */
public final class ObjectDirectory implements AutoCloseable {

	private final String path;
	private final HANDLE handle;

	private ObjectDirectory(String path, HANDLE handle) {
		this.path = path;
		this.handle = handle;
	}

	/** @param path an absolute NT path, for example {@code \Sessions\1\BaseNamedObjects} */
	public static ObjectDirectory open(String path) throws NtStatusException {
		Memory attributes = ObjectAttributesBlock.of(null, path);
		HANDLEByReference result = new HANDLEByReference();
		int status = NtDllFunctions.INSTANCE.NtOpenDirectoryObject(result,
				NtDllFunctions.DIRECTORY_QUERY | NtDllFunctions.DIRECTORY_TRAVERSE, attributes);
		if (!NtStatus.isSuccess(status)) {
			throw new NtStatusException(path, status);
		}
		return new ObjectDirectory(path, result.getValue());
	}

	/** Opens, lists and closes: for callers that need the names only. */
	public static List<DirectoryEntry> list(String path) throws NtStatusException {
		try (ObjectDirectory directory = open(path)) {
			return directory.entries();
		}
	}

	String path() {
		return path;
	}

	public HANDLE handle() {
		return handle;
	}

	public List<DirectoryEntry> entries() throws NtStatusException {
		DirectoryQuery query = (buffer, single, restart, context, returnLength) -> NtDllFunctions.INSTANCE
				.NtQueryDirectoryObject(handle, buffer, (int) buffer.size(), flag(single), flag(restart), context,
						returnLength);
		return new DirectoryReader(query, path).readAll();
	}

	private static byte flag(boolean value) {
		return (byte) (value ? 1 : 0);
	}

	@Override
	public void close() {
		NtDllFunctions.INSTANCE.NtClose(handle);
	}
}
