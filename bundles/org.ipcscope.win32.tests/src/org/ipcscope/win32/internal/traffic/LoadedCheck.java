package org.ipcscope.win32.internal.traffic;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/** Whether ipcscope_capture.dll is among a process's modules. */
final class LoadedCheck {

	private LoadedCheck() {
	}

	static boolean loaded(long pid) {
		HANDLE process = Kernel32.INSTANCE.OpenProcess(WinNT.PROCESS_QUERY_INFORMATION | WinNT.PROCESS_VM_READ, false,
				(int) pid);
		if (process == null) {
			throw new AssertionError("cannot open process " + pid + ": error " + Kernel32.INSTANCE.GetLastError());
		}
		try (Memory modules = new Memory(4096 * 8)) {
			IntByReference needed = new IntByReference();
			if (!RemoteCalls.INSTANCE.K32EnumProcessModulesEx(process, modules, (int) modules.size(), needed,
					RemoteCalls.LIST_MODULES_ALL)) {
				throw new AssertionError("no module list of " + pid);
			}
			char[] name = new char[1024];
			for (int i = 0; i < needed.getValue() / 8; i++) {
				int length = RemoteCalls.INSTANCE.K32GetModuleFileNameExW(process, modules.getPointer(i * 8L), name,
						name.length);
				if (new String(name, 0, Math.max(0, length)).toLowerCase().endsWith(CaptureDll.FILE_NAME)) {
					return true;
				}
			}
			return false;
		} finally {
			Kernel32.INSTANCE.CloseHandle(process);
		}
	}

}
