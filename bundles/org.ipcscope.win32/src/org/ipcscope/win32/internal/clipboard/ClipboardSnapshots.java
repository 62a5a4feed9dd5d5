package org.ipcscope.win32.internal.clipboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ClipboardWindow;
import org.ipcscope.core.clipboard.ContentRequest;
import org.ipcscope.win32.internal.ProcessNames;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.ptr.IntByReference;

/**
 * One read of the Windows clipboard: owner, the window holding it open, sequence number and the
 * formats, with the content of the formats asked for. The clipboard is open only while the
 * formats are listed and those contents copied, and is never changed.
 */
final class ClipboardSnapshots {

	static final String SELECTION = "CLIPBOARD";
	/** How long a read waits for another program to close the clipboard. */
	private static final long OPEN_WAIT_MS = 1000;
	/** No clipboard has more formats; a loop past this is a broken enumeration. */
	private static final int MAX_FORMATS = 4096;
	private static final int NAME_MAX = 256;

	private ClipboardSnapshots() {
	}

	static ClipboardSnapshot read(ContentRequest request) {
		ClipboardUser32 user32 = ClipboardUser32.INSTANCE;
		long time = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		ProcessNames names = ProcessNames.snapshot();
		// both asked before the clipboard is opened: once it is open, this reader holds it
		ClipboardWindow owner = window(user32.GetClipboardOwner(), names);
		ClipboardWindow openBy = window(user32.GetOpenClipboardWindow(), names);
		long sequence = Integer.toUnsignedLong(user32.GetClipboardSequenceNumber());
		if (!open()) {
			ClipboardWindow holder = window(user32.GetOpenClipboardWindow(), names);
			return new ClipboardSnapshot(SELECTION, time, sequence, owner, holder == null ? openBy : holder, List.of(),
					"The clipboard could not be opened in " + OPEN_WAIT_MS + " ms"
							+ (holder != null ? ": window " + hex(holder.handle()) + describe(holder) + " holds it open."
									: ": error " + Kernel32.INSTANCE.GetLastError() + "."));
		}
		List<ClipboardFormat> formats = new ArrayList<>();
		try {
			int format = 0;
			while (formats.size() < MAX_FORMATS && (format = user32.EnumClipboardFormats(format)) != 0) {
				String name = name(format);
				formats.add(request.wants(format, name) ? content(format, name, request.cap())
						: ClipboardFormat.listed(format, name, ""));
			}
		} finally {
			user32.CloseClipboard();
		}
		return new ClipboardSnapshot(SELECTION, time, sequence, owner, openBy, formats, null);
	}

	/** OpenClipboard fails while another window has it open: try again until the deadline. */
	private static boolean open() {
		long end = System.nanoTime() + OPEN_WAIT_MS * 1_000_000;
		while (!ClipboardUser32.INSTANCE.OpenClipboard(null)) {
			if (System.nanoTime() - end > 0) {
				return false;
			}
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	static String name(int format) {
		String standard = StandardFormats.name(format);
		if (standard != null) {
			return standard;
		}
		char[] text = new char[NAME_MAX];
		int length = ClipboardUser32.INSTANCE.GetClipboardFormatNameW(format, text, NAME_MAX);
		return length > 0 ? new String(text, 0, length) : "format " + format;
	}

	/** Fetches the format (the owner renders it now if it had delayed it) and copies up to {@code cap} bytes. */
	private static ClipboardFormat content(int format, String name, int cap) {
		String notMemory = StandardFormats.notMemory(format);
		if (notMemory != null) {
			return ClipboardFormat.listed(format, name, "not read: " + notMemory);
		}
		Pointer handle = ClipboardUser32.INSTANCE.GetClipboardData(format);
		if (handle == null) {
			return ClipboardFormat.listed(format, name,
					"no data: GetClipboardData failed (error " + Kernel32.INSTANCE.GetLastError() + "); the owner did not render it");
		}
		ClipboardUser32.Global global = ClipboardUser32.Global.INSTANCE;
		long size = global.GlobalSize(handle);
		Pointer memory = global.GlobalLock(handle);
		if (memory == null) {
			return new ClipboardFormat(format, name, size, null,
					"not read: the handle is not global memory (GlobalLock failed, error " + Kernel32.INSTANCE.GetLastError() + ")");
		}
		try {
			return new ClipboardFormat(format, name, size, memory.getByteArray(0, (int) Math.min(size, cap)), "");
		} finally {
			global.GlobalUnlock(handle);
		}
	}

	static ClipboardWindow window(HWND hwnd, ProcessNames names) {
		if (hwnd == null) {
			return null;
		}
		long handle = Pointer.nativeValue(hwnd.getPointer());
		IntByReference pid = new IntByReference();
		if (User32.INSTANCE.GetWindowThreadProcessId(hwnd, pid) == 0) {
			return new ClipboardWindow(handle, -1, "", "");
		}
		long processId = Integer.toUnsignedLong(pid.getValue());
		String process = names.name(processId);
		return new ClipboardWindow(handle, processId, process == null ? "" : process, "GetWindowThreadProcessId");
	}

	private static String describe(ClipboardWindow window) {
		return window.pid() < 0 ? "" : " (pid " + window.pid() + (window.process().isEmpty() ? "" : ", " + window.process()) + ")";
	}

	static String hex(long value) {
		return "0x" + Long.toHexString(value);
	}
}
