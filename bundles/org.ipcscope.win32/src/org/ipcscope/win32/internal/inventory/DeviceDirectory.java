package org.ipcscope.win32.internal.inventory;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.win32.internal.nt.FileDirectoryEntry;
import org.ipcscope.win32.internal.nt.FileDirectoryInformationDecoder;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectAttributesBlock;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;

/**
 * Lists the root of the named-pipe or mailslot device the way Windows supports: open it as a
 * directory and read it with NtQueryDirectoryFile. Nothing is connected or read. Wine answers
 * STATUS_BAD_DEVICE_TYPE, and callers fall back to the handle table. Never truncates.
 */
final class DeviceDirectory {

	static final String PIPES = "\\Device\\NamedPipe\\";
	static final String MAILSLOTS = "\\Device\\Mailslot\\";

	private static final int IO_STATUS_BLOCK = 16;
	private static final int INITIAL_BUFFER = 64 * 1024;
	private static final int MAX_BUFFER = 16 * 1024 * 1024;

	private DeviceDirectory() {
	}

	/** @throws NtStatusException if the device cannot be opened or listed */
	static List<FileDirectoryEntry> list(String devicePath) throws NtStatusException {
		Memory io = new Memory(IO_STATUS_BLOCK);
		HANDLEByReference result = new HANDLEByReference();
		int status = NtDllFunctions.INSTANCE.NtOpenFile(result, NtDllFunctions.FILE_LIST_DIRECTORY
				| NtDllFunctions.SYNCHRONIZE, ObjectAttributesBlock.of(null, devicePath), io,
				NtDllFunctions.FILE_SHARE_READ_WRITE, NtDllFunctions.FILE_SYNCHRONOUS_IO_NONALERT);
		if (!NtStatus.isSuccess(status)) {
			throw new NtStatusException(devicePath, status);
		}
		HANDLE directory = result.getValue();
		try {
			return read(directory, devicePath, io);
		} finally {
			NtDllFunctions.INSTANCE.NtClose(directory);
		}
	}

	private static List<FileDirectoryEntry> read(HANDLE directory, String path, Memory io) throws NtStatusException {
		List<FileDirectoryEntry> entries = new ArrayList<>();
		int size = INITIAL_BUFFER;
		boolean restart = true;
		while (true) {
			Memory buffer = new Memory(size);
			io.clear();
			int status = NtDllFunctions.INSTANCE.NtQueryDirectoryFile(directory, null, null, null, io, buffer, size,
					NtDllFunctions.FILE_DIRECTORY_INFORMATION, (byte) 0, null, (byte) (restart ? 1 : 0));
			// A first query of an empty directory (no mailslot at all) says "no such file".
			if (status == NtStatus.NO_MORE_FILES || (restart && status == NtStatus.NO_SUCH_FILE)) {
				return entries;
			}
			if ((status == NtStatus.BUFFER_OVERFLOW || status == NtStatus.INFO_LENGTH_MISMATCH) && size < MAX_BUFFER) {
				// Not even one entry fitted; nothing was consumed.
				size *= 2;
				continue;
			}
			if (!NtStatus.isSuccess(status)) {
				throw new NtStatusException(path, status);
			}
			int length = (int) Math.min(size, io.getLong(8));
			entries.addAll(FileDirectoryInformationDecoder.decode(buffer.getByteBuffer(0, length)));
			restart = false;
		}
	}

	/** @return whether a failure means "this system cannot list the device", not "something went wrong" */
	static boolean isUnsupported(int status) {
		return status == NtStatus.BAD_DEVICE_TYPE || status == NtStatus.NOT_IMPLEMENTED
				|| status == NtStatus.INVALID_DEVICE_REQUEST || status == NtStatus.INVALID_INFO_CLASS;
	}
}
