package org.ipcscope.win32.internal.sniff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.win32.internal.ProcessNames;

import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinDef.POINT;
import com.sun.jna.ptr.IntByReference;

/**
 * The windows a capture can target: top-level windows (EnumWindows) and message-only windows
 * (FindWindowEx under HWND_MESSAGE, which EnumWindows does not visit).
 */
final class WindowEnumerator {

	private static final int TEXT_MAX = 512;

	private WindowEnumerator() {
	}

	static List<WindowInfo> windows() {
		ProcessNames names = ProcessNames.snapshot();
		List<WindowInfo> windows = new ArrayList<>();
		User32.INSTANCE.EnumWindows((hwnd, data) -> {
			windows.add(describe(hwnd, false, names));
			return true;
		}, null);
		HWND after = null;
		// bounded: a window list cannot be longer than the handle table, and a broken chain must not loop
		for (int i = 0; i < 1 << 16; i++) {
			after = User32.INSTANCE.FindWindowEx(WindowHandles.MESSAGE_ONLY_PARENT, after, null, null);
			if (after == null) {
				break;
			}
			windows.add(describe(after, true, names));
		}
		return windows;
	}

	static Optional<WindowInfo> underCursor() {
		POINT point = new POINT();
		if (!User32.INSTANCE.GetCursorPos(point)) {
			return Optional.empty();
		}
		HWND hwnd = SniffUser32.INSTANCE.WindowFromPoint(((long) point.y << 32) | (point.x & 0xffffffffL));
		if (hwnd == null) {
			return Optional.empty();
		}
		HWND root = User32.INSTANCE.GetAncestor(hwnd, SniffUser32.GA_ROOT);
		return Optional.of(describe(root == null ? hwnd : root, false, ProcessNames.snapshot()));
	}

	/** @return the window as it is now, or empty when it is gone */
	static Optional<WindowInfo> refresh(WindowInfo window) {
		HWND hwnd = WindowHandles.hwnd(window.hwnd());
		if (!User32.INSTANCE.IsWindow(hwnd)) {
			return Optional.empty();
		}
		return Optional.of(describe(hwnd, window.messageOnly(), ProcessNames.snapshot()));
	}

	static WindowInfo describe(HWND hwnd, boolean messageOnly, ProcessNames names) {
		char[] text = new char[TEXT_MAX];
		int length = User32.INSTANCE.GetClassName(hwnd, text, TEXT_MAX);
		String className = new String(text, 0, Math.max(0, length));
		String title = text(hwnd);
		IntByReference pid = new IntByReference();
		long thread = Integer.toUnsignedLong(User32.INSTANCE.GetWindowThreadProcessId(hwnd, pid));
		long processId = Integer.toUnsignedLong(pid.getValue());
		String process = names.name(processId);
		return new WindowInfo(WindowHandles.value(hwnd), className, title, processId, thread,
				process == null ? "" : process, messageOnly);
	}

	static String text(HWND hwnd) {
		char[] text = new char[TEXT_MAX];
		int length = SniffUser32.INSTANCE.InternalGetWindowText(hwnd, text, TEXT_MAX);
		return new String(text, 0, Math.max(0, length));
	}
}
