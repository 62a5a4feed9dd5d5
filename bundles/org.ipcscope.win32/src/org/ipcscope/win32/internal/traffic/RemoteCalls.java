package org.ipcscope.win32.internal.traffic;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinDef.HMODULE;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/** The kernel32 calls JNA's Kernel32 lacks in the form needed here (ANSI GetProcAddress, module lists). */
interface RemoteCalls extends Library {

	RemoteCalls INSTANCE = Native.load("kernel32", RemoteCalls.class);

	int LIST_MODULES_ALL = 3;

	Pointer GetProcAddress(HMODULE module, String name);

	boolean K32EnumProcessModulesEx(HANDLE process, Pointer modules, int size, IntByReference needed, int filter);

	int K32GetModuleFileNameExW(HANDLE process, Pointer module, char[] name, int size);

	HANDLE CreateRemoteThread(HANDLE process, Pointer attributes, long stackSize, Pointer start, Pointer parameter,
			int flags, IntByReference threadId);
}
