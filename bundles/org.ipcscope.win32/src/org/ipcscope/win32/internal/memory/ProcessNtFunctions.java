package org.ipcscope.win32.internal.memory;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/** The ntdll calls that find a process's PEB and its threads' TEBs; each returns an NTSTATUS. */
interface ProcessNtFunctions extends Library {

	ProcessNtFunctions INSTANCE = Native.load("ntdll", ProcessNtFunctions.class);

	int PROCESS_BASIC_INFORMATION = 0;
	int THREAD_BASIC_INFORMATION = 0;

	int NtQueryInformationProcess(HANDLE process, int informationClass, Pointer information, int length,
			IntByReference returnLength);

	int NtQueryInformationThread(HANDLE thread, int informationClass, Pointer information, int length,
			IntByReference returnLength);
}
