package org.ipcscope.win32.internal.clipboard;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.win32.W32APIOptions;

/** The user32 and kernel32 clipboard calls, which jna-platform does not declare. */
interface ClipboardUser32 extends Library {

	ClipboardUser32 INSTANCE = Native.load("user32", ClipboardUser32.class, W32APIOptions.DEFAULT_OPTIONS);

	int WM_CLIPBOARDUPDATE = 0x031D;
	int ERROR_ACCESS_DENIED = 5;

	boolean OpenClipboard(HWND owner);

	boolean CloseClipboard();

	int EnumClipboardFormats(int format);

	int GetClipboardFormatNameW(int format, char[] name, int size);

	HWND GetClipboardOwner();

	HWND GetOpenClipboardWindow();

	int GetClipboardSequenceNumber();

	/** @return the format's handle; makes the owner render a format it delayed (WM_RENDERFORMAT) */
	Pointer GetClipboardData(int format);

	boolean AddClipboardFormatListener(HWND window);

	boolean RemoveClipboardFormatListener(HWND window);

	/** kernel32's global memory calls, for the HGLOBALs GetClipboardData returns. */
	interface Global extends Library {

		Global INSTANCE = Native.load("kernel32", Global.class, W32APIOptions.DEFAULT_OPTIONS);

		long GlobalSize(Pointer memory);

		Pointer GlobalLock(Pointer memory);

		boolean GlobalUnlock(Pointer memory);
	}
}
