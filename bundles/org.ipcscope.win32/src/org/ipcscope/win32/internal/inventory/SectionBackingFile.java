package org.ipcscope.win32.internal.inventory;

import org.ipcscope.win32.internal.nt.KernelFunctions;
import org.ipcscope.win32.internal.nt.NamedObjectOpener;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;
import org.ipcscope.win32.internal.nt.SectionAttributes;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * The file behind a file-backed section. Windows tells it only for a mapped view, so one small
 * read-only view is mapped, asked its file name and unmapped at once: nothing is read and the
 * section's owners see nothing.
 */
final class SectionBackingFile {

	private static final int PAGE = 4096;
	private static final int MAX_PATH_CHARS = 32768;

	private SectionBackingFile() {
	}

	/**
	 * @param size the section's size: a view may not be larger
	 * @return the file's path as the kernel reports it (a device path on Windows)
	 * @throws NtStatusException if the section cannot be opened for mapping, mapped or named
	 */
	static String devicePath(ObjectDirectory directory, String name, int attributes, long size)
			throws NtStatusException {
		NamedObjectOpener opener = NtDllFunctions.INSTANCE::NtOpenSection;
		HANDLE section = opener.open(directory, name,
				NtDllFunctions.SECTION_QUERY | NtDllFunctions.SECTION_MAP_READ);
		try {
			// An image section is mapped whole (the size is the image's); a data view of one page is enough.
			int bytes = (attributes & SectionAttributes.SEC_IMAGE) != 0 ? 0 : (int) Math.min(PAGE, size);
			Pointer view = Kernel32.INSTANCE.MapViewOfFile(section, WinNT.FILE_MAP_READ, 0, 0, bytes);
			if (view == null) {
				throw new NtStatusException(name + ": view", win32Status());
			}
			try {
				char[] path = new char[MAX_PATH_CHARS];
				int length = KernelFunctions.INSTANCE.K32GetMappedFileNameW(Kernel32.INSTANCE.GetCurrentProcess(), view,
						path, path.length);
				if (length == 0) {
					throw new NtStatusException(name + ": mapped file name", win32Status());
				}
				return Native.toString(path);
			} finally {
				Kernel32.INSTANCE.UnmapViewOfFile(view);
			}
		} finally {
			NtDllFunctions.INSTANCE.NtClose(section);
		}
	}

	/** Win32 errors wrapped as NTSTATUS (FACILITY_WIN32), so that one exception type tells both. */
	private static int win32Status() {
		int error = Native.getLastError();
		return error == WinNT.ERROR_ACCESS_DENIED ? NtStatus.ACCESS_DENIED : 0xC0070000 | (error & 0xFFFF);
	}
}
