package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.util.Optional;

import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.WindowInfo;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.W32APIOptions;

/**
 * What keeps a window from being captured, found before anything is changed: UIPI (a target at a
 * higher integrity level refuses our messages and hooks), the target's bitness (the in-process
 * DLL is 64-bit), our own process.
 */
public final class TargetChecks {

	/** Integrity level unknown: the token could not be read. */
	public static final int UNKNOWN = -1;

	private static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
	private static final int TOKEN_INTEGRITY_LEVEL = 25;

	interface Advapi extends Library {
		Advapi INSTANCE = Native.load("advapi32", Advapi.class, W32APIOptions.DEFAULT_OPTIONS);

		boolean GetTokenInformation(HANDLE token, int infoClass, Pointer buffer, int size, IntByReference returned);
	}

	private TargetChecks() {
	}

	/** @throws IOException saying, in words fit to show, why {@code target} cannot be captured */
	static void check(WindowInfo target, CaptureStrategy strategy) throws IOException {
		if (!User32.INSTANCE.IsWindow(WindowHandles.hwnd(target.hwnd()))) {
			throw new IOException("Window " + WindowHandles.hex(target.hwnd()) + " no longer exists.");
		}
		if (target.pid() == ProcessHandle.current().pid()) {
			throw new IOException("Window " + WindowHandles.hex(target.hwnd())
					+ " belongs to IPC Scope itself; pick a window of another program.");
		}
		HANDLE process = Kernel32.INSTANCE.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, false, (int) target.pid());
		if (process == null) {
			int error = Kernel32.INSTANCE.GetLastError();
			if (error == SniffUser32.ERROR_ACCESS_DENIED) {
				throw new IOException(uipi("a higher integrity level or a protected process", "unknown"));
			}
			return; // nothing more to learn here: the capture itself will say what fails
		}
		try {
			Optional<String> problem = problem(integrityLevel(Kernel32.INSTANCE.GetCurrentProcess()),
					integrityLevel(process), isWow64(process), strategy);
			if (problem.isPresent()) {
				throw new IOException(problem.get());
			}
		} finally {
			Kernel32.INSTANCE.CloseHandle(process);
		}
	}

	/**
	 * @param ours   our integrity level (a mandatory label's RID: 0x2000 medium, 0x3000 high...)
	 * @param theirs the target's, or {@link #UNKNOWN}
	 */
	static Optional<String> problem(int ours, int theirs, boolean targetIsWow64, CaptureStrategy strategy) {
		if (ours != UNKNOWN && theirs != UNKNOWN && theirs > ours) {
			return Optional.of(uipi(levelName(theirs) + " integrity", levelName(ours)));
		}
		if (targetIsWow64 && strategy == CaptureStrategy.IN_PROCESS) {
			return Optional.of("The target is a 32-bit process: in-process capture needs a 32-bit DLL loaded by a"
					+ " 32-bit process, which this build does not have. Use the proxy strategy, which works with"
					+ " 32-bit targets.");
		}
		return Optional.empty();
	}

	/** What to say when Windows answered ACCESS_DENIED to a message or a hook for the target. */
	static String accessDenied() {
		return "Windows refused access to the target (ERROR_ACCESS_DENIED): it most likely runs at a higher integrity"
				+ " level (elevated) than IPC Scope, and UIPI blocks messages and hooks from a lower level. Run IPC Scope"
				+ " as administrator (elevated) to capture it.";
	}

	private static String uipi(String theirs, String ours) {
		return "The target runs at " + theirs + ", IPC Scope at " + ours + " integrity: Windows (UIPI) blocks"
				+ " messages and hooks from a lower level. Run IPC Scope as administrator (elevated) to capture it.";
	}

	public static String levelName(int rid) {
		if (rid >= 0x5000) {
			return "protected";
		}
		if (rid >= 0x4000) {
			return "system";
		}
		if (rid >= 0x3000) {
			return "high";
		}
		if (rid >= 0x2000) {
			return "medium";
		}
		if (rid >= 0x1000) {
			return "low";
		}
		return rid < 0 ? "unknown" : "untrusted";
	}

	/** @return the RID of the process token's mandatory label, or {@link #UNKNOWN} */
	public static int integrityLevel(HANDLE process) {
		HANDLEByReference token = new HANDLEByReference();
		if (!com.sun.jna.platform.win32.Advapi32.INSTANCE.OpenProcessToken(process, WinNT.TOKEN_QUERY, token)) {
			return UNKNOWN;
		}
		try {
			Memory buffer = new Memory(256);
			IntByReference returned = new IntByReference();
			if (!Advapi.INSTANCE.GetTokenInformation(token.getValue(), TOKEN_INTEGRITY_LEVEL, buffer, (int) buffer.size(),
					returned)) {
				return UNKNOWN;
			}
			// TOKEN_MANDATORY_LABEL { SID_AND_ATTRIBUTES { PSID Sid; DWORD Attributes } }; the RID is the
			// SID's last sub-authority: SID { BYTE Revision; BYTE SubAuthorityCount; BYTE Authority[6]; DWORD Sub[] }
			Pointer sid = buffer.getPointer(0);
			int count = sid.getByte(1) & 0xff;
			return count == 0 ? UNKNOWN : sid.getInt(8 + 4L * (count - 1));
		} finally {
			Kernel32.INSTANCE.CloseHandle(token.getValue());
		}
	}

	private static boolean isWow64(HANDLE process) {
		IntByReference wow64 = new IntByReference();
		return Kernel32.INSTANCE.IsWow64Process(process, wow64) && wow64.getValue() != 0;
	}
}
