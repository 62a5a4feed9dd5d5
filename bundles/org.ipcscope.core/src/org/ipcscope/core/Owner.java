package org.ipcscope.core;

/**
 * A process holding an IPC object: through a descriptor or handle, or by mapping it.
 *
 * @param pid     the process id
 * @param process its name (image or command name), or {@code null} when it could not be read
 * @param handle  how it holds the object: {@code fd 5}, {@code handle 0x1a4}, {@code mapped}
 * @param access  what it may do with it ({@code read}, {@code write}, {@code read/write},
 *                an access mask), or {@code null} when unknown
 */
public record Owner(long pid, String process, String handle, String access) {

	/** @return "name (pid)" or just the pid */
	public String describeProcess() {
		return process == null ? Long.toString(pid) : process + " (" + pid + ")";
	}
}
