package org.ipcscope.win32.internal.memory;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.ShortByReference;

/**
 * kernel32 calls for another process's memory that jna-platform lacks or declares with 32-bit
 * sizes. Structures are passed as raw memory and decoded by one record each
 * ({@link MemoryBasicInformation}, ...), so that the decoding can be tested on byte buffers.
 */
interface ProcessFunctions extends Library {

	ProcessFunctions INSTANCE = Native.load("kernel32", ProcessFunctions.class);

	int PROCESS_VM_OPERATION = 0x0008;
	int PROCESS_VM_READ = 0x0010;
	int PROCESS_VM_WRITE = 0x0020;
	int PROCESS_QUERY_INFORMATION = 0x0400;
	int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
	int THREAD_QUERY_LIMITED_INFORMATION = 0x0800;
	int TOKEN_QUERY = 0x0008;
	int STILL_ACTIVE = 259;
	int LIST_MODULES_ALL = 3;

	/** @return the size written to {@code info} (48 on x64), 0 past the last region or on failure */
	long VirtualQueryEx(HANDLE process, Pointer address, Pointer info, long length);

	boolean ReadProcessMemory(HANDLE process, Pointer address, Pointer buffer, long size, LongByReference read);

	boolean WriteProcessMemory(HANDLE process, Pointer address, Pointer buffer, long size, LongByReference written);

	/** Windows 10 1511 and later; Wine 8 has it. Older systems throw UnsatisfiedLinkError: use IsWow64Process. */
	boolean IsWow64Process2(HANDLE process, ShortByReference processMachine, ShortByReference nativeMachine);

	boolean IsWow64Process(HANDLE process, IntByReference wow64);

	/** The four FILETIMEs as 64-bit counts of 100 ns since 1601. */
	boolean GetProcessTimes(HANDLE process, LongByReference creation, LongByReference exit, LongByReference kernel,
			LongByReference user);

	boolean QueryFullProcessImageNameW(HANDLE process, int flags, char[] name, IntByReference size);

	boolean K32EnumProcessModulesEx(HANDLE process, Pointer modules, int size, IntByReference needed, int filter);

	int K32GetModuleFileNameExW(HANDLE process, Pointer module, char[] name, int size);

	/** MODULEINFO, 24 bytes: {LPVOID lpBaseOfDll@0, DWORD SizeOfImage@8, LPVOID EntryPoint@16}. */
	boolean K32GetModuleInformation(HANDLE process, Pointer module, Pointer info, int size);

	int K32GetMappedFileNameW(HANDLE process, Pointer address, char[] name, int size);
}
