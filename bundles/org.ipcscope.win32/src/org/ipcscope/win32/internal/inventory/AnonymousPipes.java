package org.ipcscope.win32.internal.inventory;

import java.util.regex.Pattern;

/**
 * Tells anonymous pipes from named ones. CreatePipe makes a pipe named {@code Win32Pipes.PID.N}
 * on old Windows and {@code Win32.Pipes.PID.N} under Wine, and an unnamed one on current Windows.
 */
final class AnonymousPipes {

	private static final Pattern CREATE_PIPE_NAME = Pattern.compile("Win32\\.?Pipes\\.[0-9a-fA-F]{8}\\.[0-9a-fA-F]{8}");

	private AnonymousPipes() {
	}

	/** @param pipeName the name inside the pipe device, "" for none */
	static boolean isAnonymous(String pipeName) {
		return pipeName.isEmpty() || CREATE_PIPE_NAME.matcher(pipeName).matches();
	}
}
