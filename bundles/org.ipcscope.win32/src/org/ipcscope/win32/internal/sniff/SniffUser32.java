package org.ipcscope.win32.internal.sniff;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.win32.W32APIOptions;

/**
 * The user32 calls the sniffer needs in shapes jna-platform lacks: results and lParams of
 * pointer size, text read without sending the window a message.
 */
interface SniffUser32 extends Library {

	SniffUser32 INSTANCE = Native.load("user32", SniffUser32.class, W32APIOptions.DEFAULT_OPTIONS);

	int WM_SETTEXT = 0x000C;
	int WM_COPYDATA = 0x004A;
	int WM_TIMER = 0x0113;
	int WM_USER = 0x0400;
	int WM_APP = 0x8000;
	int SMTO_NORMAL = 0x0000;
	int SMTO_ABORTIFHUNG = 0x0002;
	int SW_HIDE = 0;
	int SW_SHOWNA = 8;
	int GA_ROOT = 2;
	int ERROR_ACCESS_DENIED = 5;
	int ERROR_TIMEOUT = 1460;
	int ERROR_CLASS_ALREADY_EXISTS = 1410;

	/** @return 0 when the call failed or timed out (GetLastError says which) */
	long SendMessageTimeoutW(HWND hwnd, int message, long wParam, Pointer lParam, int flags, int timeoutMs,
			LongByReference result);

	long SendMessageTimeoutW(HWND hwnd, int message, long wParam, long lParam, int flags, int timeoutMs,
			LongByReference result);

	long SendMessageTimeoutW(HWND hwnd, int message, long wParam, WString lParam, int flags, int timeoutMs,
			LongByReference result);

	/** Reads the title the window manager keeps, without sending WM_GETTEXT to a window that may hang. */
	int InternalGetWindowText(HWND hwnd, char[] text, int size);

	boolean ShowWindowAsync(HWND hwnd, int command);

	/** @param point a POINT passed by value: y in the high 32 bits, x in the low */
	HWND WindowFromPoint(long point);

	/** @return ISMEX_* flags of the message being handled: 0 when it was not sent by another thread */
	int InSendMessageEx(Pointer reserved);

	int ISMEX_SEND = 0x1;
	int ISMEX_NOTIFY = 0x2;
	int ISMEX_CALLBACK = 0x4;

	/** @return the name's length in chars, 0 if {@code format} is no registered format or message */
	int GetClipboardFormatNameW(int format, char[] name, int size);

	boolean SetWindowTextW(HWND hwnd, WString text);

	boolean UnhookWindowsHookEx(Pointer hook);

	long SetTimer(HWND hwnd, long id, int elapseMs, Pointer timerProc);
}
