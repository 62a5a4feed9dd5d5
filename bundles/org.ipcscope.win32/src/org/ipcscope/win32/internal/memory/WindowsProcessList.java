package org.ipcscope.win32.internal.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipcscope.core.process.ProcessInfo;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.ShortByReference;

/**
 * The process list: pid and name from one Toolhelp snapshot (needs no access to the processes),
 * then for each process what PROCESS_QUERY_LIMITED_INFORMATION lets us ask: image path, start
 * time, bitness and user. A process that refuses (another user's service, a protected process)
 * keeps its pid and name; it is never an error for the list.
 */
final class WindowsProcessList {

	/** 100 ns intervals from 1601-01-01 to 1970-01-01. */
	private static final long FILETIME_EPOCH = 116_444_736_000_000_000L;

	private static volatile boolean hasWow64Process2 = true;

	private WindowsProcessList() {
	}

	static List<ProcessInfo> read() {
		List<ProcessInfo> processes = new ArrayList<>();
		Map<String, String> accounts = new HashMap<>();
		HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPPROCESS, new DWORD(0));
		if (snapshot == null || WinBase.INVALID_HANDLE_VALUE.equals(snapshot)) {
			return processes;
		}
		try {
			Tlhelp32.PROCESSENTRY32 entry = new Tlhelp32.PROCESSENTRY32();
			for (boolean more = Kernel32.INSTANCE.Process32First(snapshot, entry); more; more = Kernel32.INSTANCE
					.Process32Next(snapshot, entry)) {
				processes.add(describe(entry.th32ProcessID.longValue(), Native.toString(entry.szExeFile), accounts)
						.withParent(entry.th32ParentProcessID.longValue()));
			}
		} finally {
			Kernel32.INSTANCE.CloseHandle(snapshot);
		}
		return processes;
	}

	/**
	 * @param accounts account names by SID string, filled as they are looked up: LookupAccountSid
	 *                 may ask a domain controller, so each SID is looked up once a listing
	 * @return what can be asked about one process; pid and name at least
	 */
	static ProcessInfo describe(long pid, String name, Map<String, String> accounts) {
		HANDLE handle = Kernel32.INSTANCE.OpenProcess(ProcessFunctions.PROCESS_QUERY_LIMITED_INFORMATION, false,
				(int) pid);
		if (handle == null) {
			return new ProcessInfo(pid, name, "", "", 0, Optional.empty());
		}
		try {
			return new ProcessInfo(pid, name, imagePath(handle), user(handle, accounts), bitness(handle),
					startTime(handle), CommandLineInformation.of(pid, handle), false);
		} finally {
			Kernel32.INSTANCE.CloseHandle(handle);
		}
	}

	private static String imagePath(HANDLE process) {
		char[] path = new char[32768];
		IntByReference size = new IntByReference(path.length);
		return ProcessFunctions.INSTANCE.QueryFullProcessImageNameW(process, 0, path, size)
				? new String(path, 0, size.getValue())
				: "";
	}

	private static Optional<Instant> startTime(HANDLE process) {
		LongByReference creation = new LongByReference();
		if (!ProcessFunctions.INSTANCE.GetProcessTimes(process, creation, new LongByReference(), new LongByReference(),
				new LongByReference()) || creation.getValue() == 0) {
			return Optional.empty();
		}
		return Optional.of(fromFileTime(creation.getValue()));
	}

	static Instant fromFileTime(long fileTime) {
		long sinceEpoch = fileTime - FILETIME_EPOCH;
		return Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L),
				Math.floorMod(sinceEpoch, 10_000_000L) * 100);
	}

	/** IsWow64Process2 where the system has it (Windows 10 1511+, Wine 8), else IsWow64Process. */
	static int bitness(HANDLE process) {
		if (hasWow64Process2) {
			try {
				ShortByReference processMachine = new ShortByReference();
				ShortByReference nativeMachine = new ShortByReference();
				if (ProcessFunctions.INSTANCE.IsWow64Process2(process, processMachine, nativeMachine)) {
					return Bitness.of(Short.toUnsignedInt(processMachine.getValue()),
							Short.toUnsignedInt(nativeMachine.getValue()));
				}
				return 0;
			} catch (UnsatisfiedLinkError e) {
				hasWow64Process2 = false;
			}
		}
		return bitnessByWow64(process);
	}

	static int bitnessByWow64(HANDLE process) {
		IntByReference wow64 = new IntByReference();
		if (!ProcessFunctions.INSTANCE.IsWow64Process(process, wow64)) {
			return 0;
		}
		// a 64-bit JVM runs on a 64-bit system; a 32-bit one may be on either, which it cannot tell this way
		return Bitness.ofWow64(wow64.getValue() != 0, Native.POINTER_SIZE * 8);
	}

	/** @return DOMAIN and user name of the process's token, or empty */
	private static String user(HANDLE process, Map<String, String> accounts) {
		HANDLEByReference token = new HANDLEByReference();
		if (!Advapi32.INSTANCE.OpenProcessToken(process, ProcessFunctions.TOKEN_QUERY, token)) {
			return "";
		}
		try {
			IntByReference length = new IntByReference();
			Advapi32.INSTANCE.GetTokenInformation(token.getValue(), WinNT.TOKEN_INFORMATION_CLASS.TokenUser, null, 0,
					length);
			if (length.getValue() <= 0) {
				return "";
			}
			WinNT.TOKEN_USER user = new WinNT.TOKEN_USER(length.getValue());
			if (!Advapi32.INSTANCE.GetTokenInformation(token.getValue(), WinNT.TOKEN_INFORMATION_CLASS.TokenUser, user,
					length.getValue(), length)) {
				return "";
			}
			return accounts.computeIfAbsent(Advapi32Util.convertSidToStringSid(user.User.Sid),
					sid -> accountName(user.User.Sid));
		} catch (Win32Exception e) {
			return "";
		} finally {
			Kernel32.INSTANCE.CloseHandle(token.getValue());
		}
	}

	private static String accountName(WinNT.PSID sid) {
		try {
			Advapi32Util.Account account = Advapi32Util.getAccountBySid(sid);
			return account.domain == null || account.domain.isEmpty() ? account.name
					: account.domain + "\\" + account.name;
		} catch (Win32Exception e) {
			// a deleted account: its SID is all there is
			return Advapi32Util.convertSidToStringSid(sid);
		}
	}
}
