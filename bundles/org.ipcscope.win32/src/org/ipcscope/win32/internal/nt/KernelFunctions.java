package org.ipcscope.win32.internal.nt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/** kernel32 calls that jna-platform's Kernel32 lacks or declares in a shape unfit here. */
public interface KernelFunctions extends Library {

	KernelFunctions INSTANCE = Native.load("kernel32", KernelFunctions.class);

	/** A thread that starts in native code and never enters the JVM. */
	HANDLE CreateThread(Pointer attributes, long stackSize, Pointer startAddress, Pointer parameter, int flags,
			Pointer threadId);

	boolean TerminateThread(HANDLE thread, int exitCode);

	/** psapi's GetMappedFileNameW, exported by kernel32 since Windows 7 (and by Wine). */
	int K32GetMappedFileNameW(HANDLE process, Pointer address, char[] fileName, int size);
}
