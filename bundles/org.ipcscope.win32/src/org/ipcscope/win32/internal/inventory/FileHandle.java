package org.ipcscope.win32.internal.inventory;

import org.ipcscope.win32.internal.nt.MailslotInformation;
import org.ipcscope.win32.internal.nt.PipeLocalInformation;
import org.ipcscope.win32.internal.nt.SystemHandle;

/**
 * A File handle of a pipe or a mailslot, with what could be asked through it.
 *
 * @param handle   where it is
 * @param name     the object's NT name, for example {@code \Device\NamedPipe\foo}; "" for an
 *                 unnamed pipe end
 * @param pipe     FilePipeLocalInformation, or {@code null} (not a pipe, or no answer)
 * @param mailslot FileMailslotQueryInformation, or {@code null} (not a mailslot server handle)
 */
record FileHandle(SystemHandle handle, String name, PipeLocalInformation pipe, MailslotInformation mailslot) {

	static final String PIPE_DEVICE = "\\Device\\NamedPipe";
	static final String MAILSLOT_DEVICE = "\\Device\\Mailslot";

	/** @return the pipe's name inside the pipe device ("" for an unnamed pipe), or {@code null} if no pipe */
	String pipeName() {
		return inside(PIPE_DEVICE);
	}

	/** @return the mailslot's name inside the mailslot device, or {@code null} if no mailslot */
	String mailslotName() {
		return inside(MAILSLOT_DEVICE);
	}

	/** Windows writes "Mailslot", Wine "MailSlot": device names are case-insensitive anyway. */
	private String inside(String device) {
		if (!name.regionMatches(true, 0, device, 0, device.length())) {
			return null;
		}
		if (name.length() == device.length()) {
			return "";
		}
		return name.charAt(device.length()) == '\\' ? name.substring(device.length() + 1) : null;
	}
}
