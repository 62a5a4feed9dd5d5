package org.ipcscope.core.clipboard;

/**
 * A window that owns or holds a clipboard (a Windows HWND, an X11 window id) and the process it
 * belongs to, as far as the system tells.
 *
 * @param handle  the window's handle or id
 * @param pid     its process, -1 when the system does not say
 * @param process the process's name, empty when unknown
 * @param how     how the pid was found ("GetWindowThreadProcessId", "_NET_WM_PID", "XRes"), empty when it was not
 */
public record ClipboardWindow(long handle, long pid, String process, String how) {

	public ClipboardWindow {
		process = process == null ? "" : process;
		how = how == null ? "" : how;
	}
}
