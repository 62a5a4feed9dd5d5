package org.ipcscope.core.sniff;

/**
 * A window a sniffer can target: what the window picker lists.
 *
 * @param hwnd        the window handle
 * @param className   its window class
 * @param title       its title, possibly empty
 * @param pid         the process that created it
 * @param threadId    the thread that created it (and runs its window procedure)
 * @param processName that process's image name, or empty
 * @param messageOnly whether it is a message-only window (parent HWND_MESSAGE)
 */
public record WindowInfo(long hwnd, String className, String title, long pid, long threadId, String processName,
		boolean messageOnly) {
}
