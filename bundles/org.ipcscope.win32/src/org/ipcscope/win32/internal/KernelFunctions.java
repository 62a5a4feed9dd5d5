package org.ipcscope.win32.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/** kernel32 calls that jna-platform's Kernel32 lacks or declares in a shape unfit here. */
interface KernelFunctions extends Library {

	KernelFunctions INSTANCE = Native.load("kernel32", KernelFunctions.class);

	int MEM_COMMIT_RESERVE = 0x3000;
	int MEM_RELEASE = 0x8000;
	int PAGE_READWRITE = 0x04;
	int PAGE_EXECUTE_READ = 0x20;

	/** A thread that starts in native code and never enters the JVM. */
	HANDLE CreateThread(Pointer attributes, long stackSize, Pointer startAddress, Pointer parameter, int flags,
			Pointer threadId);

	boolean TerminateThread(HANDLE thread, int exitCode);

	Pointer VirtualAlloc(Pointer address, long size, int allocationType, int protect);

	boolean VirtualProtect(Pointer address, long size, int newProtect, IntByReference oldProtect);

	boolean FlushInstructionCache(HANDLE process, Pointer address, long size);

	/** psapi's GetMappedFileNameW, exported by kernel32 since Windows 7 (and by Wine). */
	int K32GetMappedFileNameW(HANDLE process, Pointer address, char[] fileName, int size);
}
