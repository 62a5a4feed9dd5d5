package org.ipcscope.win32.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;
import com.sun.jna.ptr.IntByReference;

/**
 * The native object-manager calls of ntdll that Win32 does not expose. Object attributes are
 * passed as raw memory built by {@link ObjectAttributesBlock}; every call returns an NTSTATUS.
 */
interface NtDllFunctions extends Library {

	NtDllFunctions INSTANCE = Native.load("ntdll", NtDllFunctions.class);

	int DIRECTORY_QUERY = 0x0001;
	int DIRECTORY_TRAVERSE = 0x0002;
	int SECTION_QUERY = 0x0001;
	int SECTION_BASIC_INFORMATION = 0;

	int NtOpenDirectoryObject(HANDLEByReference directoryHandle, int desiredAccess, Pointer objectAttributes);

	/** BOOLEAN parameters are one byte wide, hence {@code byte} rather than JNA's 4-byte {@code boolean}. */
	int NtQueryDirectoryObject(HANDLE directoryHandle, Pointer buffer, int length, byte returnSingleEntry,
			byte restartScan, IntByReference context, IntByReference returnLength);

	int NtOpenSection(HANDLEByReference sectionHandle, int desiredAccess, Pointer objectAttributes);

	/** The length and the optional result length are SIZE_T, 64 bits on x64. */
	int NtQuerySection(HANDLE sectionHandle, int sectionInformationClass, Pointer sectionInformation, long length,
			Pointer resultLength);

	int NtClose(HANDLE handle);
}
