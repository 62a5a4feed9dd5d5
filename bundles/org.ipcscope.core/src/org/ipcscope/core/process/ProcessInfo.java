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
 */
public record ProcessInfo(long pid, String name, String imagePath, String user, int bitness,
		Optional<Instant> startTime, String commandLine, boolean kernelThread) {

	/** A process whose command line is not known. */
	public ProcessInfo(long pid, String name, String imagePath, String user, int bitness, Optional<Instant> startTime) {
		this(pid, name, imagePath, user, bitness, startTime, "", false);
	}
}
