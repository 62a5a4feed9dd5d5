package org.ipcscope.win32.internal.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ipcscope.win32.internal.nt.NtStatus;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * Where each thread of a process keeps its TEB: the threads from a Toolhelp snapshot, each asked
 * with NtQueryInformationThread(ThreadBasicInformation) through THREAD_QUERY_LIMITED_INFORMATION.
 * Threads that exit or refuse meanwhile are left out.
 */
final class ThreadEnvironments {

	private ThreadEnvironments() {
	}

	/** @return the TEB address of each of the process's threads, by thread id */
	static Map<Integer, Long> of(long pid) {
		Map<Integer, Long> tebs = new LinkedHashMap<>();
		HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPTHREAD, new DWORD(0));
		if (snapshot == null || WinBase.INVALID_HANDLE_VALUE.equals(snapshot)) {
			return tebs;
		}
		try (Memory info = new Memory(ThreadBasicInformation.SIZE)) {
			Tlhelp32.THREADENTRY32 entry = new Tlhelp32.THREADENTRY32();
			for (boolean more = Kernel32.INSTANCE.Thread32First(snapshot, entry); more; more = Kernel32.INSTANCE
					.Thread32Next(snapshot, entry)) {
				if (entry.th32OwnerProcessID == pid) {
					tebAddress(entry.th32ThreadID, info).ifPresent(teb -> tebs.put(entry.th32ThreadID, teb));
				}
			}
		} finally {
			Kernel32.INSTANCE.CloseHandle(snapshot);
		}
		return tebs;
	}

	private static Optional<Long> tebAddress(int threadId, Memory info) {
		HANDLE thread = Kernel32.INSTANCE.OpenThread(ProcessFunctions.THREAD_QUERY_LIMITED_INFORMATION, false, threadId);
		if (thread == null) {
			return Optional.empty();
		}
		try {
			int status = ProcessNtFunctions.INSTANCE.NtQueryInformationThread(thread,
					ProcessNtFunctions.THREAD_BASIC_INFORMATION, info, (int) info.size(), new IntByReference());
			if (!NtStatus.isSuccess(status)) {
				return Optional.empty();
			}
			long teb = ThreadBasicInformation.decode(info.getByteBuffer(0, info.size())).tebBaseAddress();
			return teb == 0 ? Optional.empty() : Optional.of(teb);
		} finally {
			Kernel32.INSTANCE.CloseHandle(thread);
		}
	}
}
