package org.ipcscope.core.process;

import java.time.Instant;
import java.util.Optional;

/**
 * A running process as the process list shows it. Unknown facts are empty strings, bitness 0 and
 * an empty start time: a process of another user may show only its pid and name.
 *
 * @param pid       process id
 * @param name      short name ({@code comm} on Linux, the image file name on Windows)
 * @param imagePath the executable's full path, or empty
 * @param user      the owner's account name, or empty
 * @param bitness   32 or 64, 0 when unknown
 * @param startTime when it started, if known
 * @param commandLine its arguments as it was started, separated by spaces (cut at 4 KiB), or empty
 * @param kernelThread whether it is a thread of the kernel (Linux), which has no user memory
 * @param parentPid the process that started it (on Windows: that started it, even if it has
 *                  exited since and its pid was reused), 0 when unknown or none
 */
public record ProcessInfo(long pid, String name, String imagePath, String user, int bitness,
		Optional<Instant> startTime, String commandLine, boolean kernelThread, long parentPid) {

	/** A process whose parent is not known. */
	public ProcessInfo(long pid, String name, String imagePath, String user, int bitness,
			Optional<Instant> startTime, String commandLine, boolean kernelThread) {
		this(pid, name, imagePath, user, bitness, startTime, commandLine, kernelThread, 0);
	}

	/** A process whose command line is not known. */
	public ProcessInfo(long pid, String name, String imagePath, String user, int bitness, Optional<Instant> startTime) {
		this(pid, name, imagePath, user, bitness, startTime, "", false);
	}

	/** @return this process with its parent's pid */
	public ProcessInfo withParent(long newParentPid) {
		return new ProcessInfo(pid, name, imagePath, user, bitness, startTime, commandLine, kernelThread, newParentPid);
	}
}
