package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Where the in-process DLL lives: in the target's module list while it captures (it really got
 * in), and, under Wine, still there after stop - Wine keeps a hook's DLL loaded once a hook ran
 * in a process, where Windows unloads it after the hook is removed. The DLL is built to stay
 * harmless either way: it restored the window procedure, so nothing of it runs any more.
 */
@EnabledOnOs(OS.WINDOWS)
class InProcessModuleTest extends CaptureTestBase {

	@Test
	void theDllIsLoadedIntoTheTargetAndTheWindowProcedureIsRestoredOnStop() throws Exception {
		CopyDataHelper receiver = open(CopyDataHelper.receiver("IpcScopeModule", "Module", CopyDataHelper.MESSAGE_ONLY));
		assertFalse(modules(receiver.pid).contains("ipcscope_copydata.dll"), "not there before");
		RecordingListener listener = new RecordingListener();
		try (CaptureSession session = sniffer.start(window(receiver), CaptureStrategy.IN_PROCESS, CaptureOptions.DEFAULT,
				listener)) {
			assertTrue(modules(receiver.pid).contains("ipcscope_copydata.dll"), "loaded into the target: " + modules(receiver.pid));
		}
		if (isWine()) {
			assertTrue(modules(receiver.pid).contains("ipcscope_copydata.dll"), "Wine keeps hook DLLs loaded");
		}
		CopyDataHelper.run("send", "IpcScopeModule", "Module", CopyDataHelper.MESSAGE_ONLY, "3:3");
		assertEquals(1, receiver.count(), "the restored window procedure still receives");
		assertEquals(0, listener.messages.size(), "and nothing is captured any more");
	}

	private static boolean isWine() {
		try {
			NativeLibrary.getInstance("ntdll").getFunction("wine_get_version");
			return true;
		} catch (UnsatisfiedLinkError e) {
			return false;
		}
	}

	/** @return the lower-case file names of the modules loaded in process {@code pid} */
	static List<String> modules(long pid) {
		List<String> names = new ArrayList<>();
		HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPMODULE, new DWORD(pid));
		assertFalse(snapshot == null || WinBase.INVALID_HANDLE_VALUE.equals(snapshot), "module snapshot of " + pid);
		try {
			Tlhelp32.MODULEENTRY32W entry = new Tlhelp32.MODULEENTRY32W();
			for (boolean more = Kernel32.INSTANCE.Module32FirstW(snapshot, entry); more; more = Kernel32.INSTANCE
					.Module32NextW(snapshot, entry)) {
				names.add(Native.toString(entry.szModule).toLowerCase(Locale.ROOT));
			}
		} finally {
			Kernel32.INSTANCE.CloseHandle(snapshot);
		}
		return names;
	}
}
