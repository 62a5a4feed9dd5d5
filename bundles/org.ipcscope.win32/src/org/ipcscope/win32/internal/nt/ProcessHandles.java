package org.ipcscope.win32.internal.nt;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;

/**
 * Copies other processes' handles into this one, so that their objects can be asked about. Each
 * process is opened once per refresh with PROCESS_DUP_HANDLE only; processes that refuse are
 * remembered and told as one problem.
 */
public final class ProcessHandles implements AutoCloseable {

	private static final int DUPLICATE_SAME_ACCESS = 0x2;
	private static final HANDLE NONE = new HANDLE(Pointer.createConstant(0));

	private final Map<Long, HANDLE> processes = new HashMap<>();
	private final Set<Long> refused = new TreeSet<>();
	private final HANDLE self = Kernel32.INSTANCE.GetCurrentProcess();

	/**
	 * @return a copy of the handle in this process with the same access, which the caller must
	 *         close; {@code null} if the process refused or the handle is gone
	 */
	public HANDLE duplicate(SystemHandle handle) {
		HANDLE process = process(handle.pid());
		if (process == null) {
			return null;
		}
		HANDLEByReference copy = new HANDLEByReference();
		if (!Kernel32.INSTANCE.DuplicateHandle(process, new HANDLE(Pointer.createConstant(handle.handle())), self,
				copy, 0, false, DUPLICATE_SAME_ACCESS)) {
			return null;
		}
		return copy.getValue();
	}

	public static void close(HANDLE copy) {
		if (copy != null) {
			Kernel32.INSTANCE.CloseHandle(copy);
		}
	}

	/** @return the processes that could not be opened, in order */
	public Set<Long> refused() {
		return refused;
	}

	private HANDLE process(long pid) {
		HANDLE process = processes.computeIfAbsent(pid, this::open);
		if (process == NONE) {
			refused.add(pid);
			return null;
		}
		return process;
	}

	private HANDLE open(long pid) {
		HANDLE process = Kernel32.INSTANCE.OpenProcess(WinNT.PROCESS_DUP_HANDLE, false, (int) pid);
		return process == null ? NONE : process;
	}

	@Override
	public void close() {
		for (HANDLE process : processes.values()) {
			if (process != NONE) {
				Kernel32.INSTANCE.CloseHandle(process);
			}
		}
		processes.clear();
	}
}
