package org.ipcscope.win32.internal.inventory;

import java.util.Map;

import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;
import org.ipcscope.win32.internal.nt.UnicodeStringDecoder;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/** A symbolic link's target, through NtOpenSymbolicLinkObject(SYMBOLIC_LINK_QUERY) + NtQuerySymbolicLinkObject. */
final class SymbolicLinkDescriber implements ObjectDescriber {

	static final String TARGET = "Target";
	/** A UNICODE_STRING holds at most 0xFFFE bytes. */
	private static final int MAX_BYTES = 0xFFFE;

	@Override
	public ObjectState describe(ObjectDirectory directory, String name) throws NtStatusException {
		NtDllFunctions nt = NtDllFunctions.INSTANCE;
		return StateQuery.withHandle(nt::NtOpenSymbolicLinkObject, NtDllFunctions.QUERY_STATE, directory, name,
				handle -> new ObjectState(IpcObject.UNKNOWN_SIZE, Map.of(TARGET, target(handle, name))));
	}

	private static String target(HANDLE handle, String name) throws NtStatusException {
		int size = 512;
		while (true) {
			// A UNICODE_STRING whose buffer follows it in the same block.
			Memory block = new Memory(UnicodeStringDecoder.SIZE + size);
			block.clear();
			block.setShort(2, (short) size);
			block.setPointer(8, block.share(UnicodeStringDecoder.SIZE));
			IntByReference needed = new IntByReference();
			int status = NtDllFunctions.INSTANCE.NtQuerySymbolicLinkObject(handle, block, needed);
			if (status == NtStatus.BUFFER_TOO_SMALL && size < MAX_BYTES) {
				size = Math.min(MAX_BYTES, Math.max(size * 2, needed.getValue()));
				continue;
			}
			if (!NtStatus.isSuccess(status)) {
				throw new NtStatusException(name, status);
			}
			return UnicodeStringDecoder.decode(block.getByteBuffer(0, block.size()), 0, Pointer.nativeValue(block));
		}
	}
}
