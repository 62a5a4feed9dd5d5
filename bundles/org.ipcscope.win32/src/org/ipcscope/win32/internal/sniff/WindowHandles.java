package org.ipcscope.win32.internal.sniff;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinDef.HWND;

/** HWND values as the model's longs and back. */
final class WindowHandles {

	/** The parent of message-only windows; the int overload of createConstant would zero-extend -3. */
	static final HWND MESSAGE_ONLY_PARENT = new HWND(Pointer.createConstant(-3L));

	private WindowHandles() {
	}

	static HWND hwnd(long value) {
		return new HWND(Pointer.createConstant(value));
	}

	static long value(HWND hwnd) {
		return hwnd == null ? 0 : Pointer.nativeValue(hwnd.getPointer());
	}

	static String hex(long hwnd) {
		return "0x" + Long.toHexString(hwnd);
	}
}
