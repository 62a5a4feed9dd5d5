package org.ipcscope.win32.internal;

import java.util.HashMap;
import java.util.Map;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinBase;

/**
 * The image name of every process, from one Toolhelp snapshot per refresh: it needs no access to
 * the processes, which opening each one for QueryFullProcessImageName would.
 */
public final class ProcessNames {

	private final Map<Long, String> names;

	private ProcessNames(Map<Long, String> names) {
		this.names = names;
	}

	public static ProcessNames snapshot() {
		Map<Long, String> names = new HashMap<>();
		HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPPROCESS, new DWORD(0));
		if (snapshot == null || WinBase.INVALID_HANDLE_VALUE.equals(snapshot)) {
			return new ProcessNames(names);
		}
		try {
			Tlhelp32.PROCESSENTRY32 entry = new Tlhelp32.PROCESSENTRY32();
			for (boolean more = Kernel32.INSTANCE.Process32First(snapshot, entry); more; more = Kernel32.INSTANCE
					.Process32Next(snapshot, entry)) {
				names.put(entry.th32ProcessID.longValue(), Native.toString(entry.szExeFile));
			}
		} finally {
			Kernel32.INSTANCE.CloseHandle(snapshot);
		}
		return new ProcessNames(names);
	}

	/** @return the image name ("java.exe"), or {@code null} for a process that is gone */
	public String name(long pid) {
		return names.get(pid);
	}
}
