package org.ipcscope.win32.internal.nt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;
import com.sun.jna.ptr.IntByReference;

/**
 * The native object-manager calls of ntdll that Win32 does not expose. Object attributes are
 * passed as raw memory built by {@link ObjectAttributesBlock}; every call returns an NTSTATUS.
 * BOOLEAN parameters are one byte wide, hence {@code byte} rather than JNA's 4-byte {@code boolean}.
 */
public interface NtDllFunctions extends Library {

	NtDllFunctions INSTANCE = Native.load("ntdll", NtDllFunctions.class);

	int DIRECTORY_QUERY = 0x0001;
	int DIRECTORY_TRAVERSE = 0x0002;
	int SECTION_QUERY = 0x0001;
	int SECTION_MAP_READ = 0x0004;
	int SECTION_BASIC_INFORMATION = 0;
	/** EVENT_QUERY_STATE, MUTANT_QUERY_STATE, SEMAPHORE_QUERY_STATE and SYMBOLIC_LINK_QUERY are all 1. */
	int QUERY_STATE = 0x0001;

	int SYSTEM_EXTENDED_HANDLE_INFORMATION = 64;
	int OBJECT_NAME_INFORMATION = 1;
	int OBJECT_TYPE_INFORMATION = 2;
	int EVENT_BASIC_INFORMATION = 0;
	int MUTANT_BASIC_INFORMATION = 0;
	int MUTANT_OWNER_INFORMATION = 1;
	int SEMAPHORE_BASIC_INFORMATION = 0;

	int FILE_DIRECTORY_INFORMATION = 1;
	int FILE_PIPE_LOCAL_INFORMATION = 24;
	int FILE_MAILSLOT_QUERY_INFORMATION = 26;
	int FILE_FS_DEVICE_INFORMATION = 4;
	int FILE_LIST_DIRECTORY = 0x0001;
	int SYNCHRONIZE = 0x00100000;
	int FILE_SHARE_READ_WRITE = 0x3;
	int FILE_SYNCHRONOUS_IO_NONALERT = 0x20;
	int FILE_DIRECTORY_FILE = 0x1;

	int NtOpenDirectoryObject(HANDLEByReference directoryHandle, int desiredAccess, Pointer objectAttributes);

	int NtQueryDirectoryObject(HANDLE directoryHandle, Pointer buffer, int length, byte returnSingleEntry,
			byte restartScan, IntByReference context, IntByReference returnLength);

	int NtOpenSection(HANDLEByReference sectionHandle, int desiredAccess, Pointer objectAttributes);

	/** The length and the optional result length are SIZE_T, 64 bits on x64. */
	int NtQuerySection(HANDLE sectionHandle, int sectionInformationClass, Pointer sectionInformation, long length,
			Pointer resultLength);

	int NtOpenEvent(HANDLEByReference handle, int desiredAccess, Pointer objectAttributes);

	int NtQueryEvent(HANDLE handle, int informationClass, Pointer information, int length, IntByReference returnLength);

	int NtOpenMutant(HANDLEByReference handle, int desiredAccess, Pointer objectAttributes);

	int NtQueryMutant(HANDLE handle, int informationClass, Pointer information, int length, IntByReference returnLength);

	int NtOpenSemaphore(HANDLEByReference handle, int desiredAccess, Pointer objectAttributes);

	int NtQuerySemaphore(HANDLE handle, int informationClass, Pointer information, int length,
			IntByReference returnLength);

	int NtOpenSymbolicLinkObject(HANDLEByReference handle, int desiredAccess, Pointer objectAttributes);

	/** {@code target} is a UNICODE_STRING whose buffer the caller provides. */
	int NtQuerySymbolicLinkObject(HANDLE handle, Pointer target, IntByReference returnedLength);

	int NtQuerySystemInformation(int informationClass, Pointer information, int length, IntByReference returnLength);

	/**
	 * Never call this with ObjectNameInformation on a File handle from a JVM thread: it can
	 * block forever (see {@link KillableCalls}).
	 */
	int NtQueryObject(HANDLE handle, int informationClass, Pointer information, int length,
			IntByReference returnLength);

	/** @return STATUS_SUCCESS if both handles refer to one object, STATUS_NOT_SAME_OBJECT if not */
	int NtCompareObjects(HANDLE first, HANDLE second);

	int NtOpenFile(HANDLEByReference handle, int desiredAccess, Pointer objectAttributes, Pointer ioStatusBlock,
			int shareAccess, int openOptions);

	int NtQueryDirectoryFile(HANDLE handle, HANDLE event, Pointer apcRoutine, Pointer apcContext,
			Pointer ioStatusBlock, Pointer information, int length, int informationClass, byte returnSingleEntry,
			Pointer fileName, byte restartScan);

	int NtClose(HANDLE handle);
}
