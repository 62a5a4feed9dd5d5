package org.ipcscope.win32.internal.inventory;

import java.util.OptionalInt;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.ptr.IntByReference;

/** The Terminal Services session of this process: its Local namespace is that session's. */
final class CurrentSession {

	private CurrentSession() {
	}

	/** @return the session id, or empty if Windows would not tell */
	static OptionalInt id() {
		IntByReference session = new IntByReference();
		if (!Kernel32.INSTANCE.ProcessIdToSessionId(Kernel32.INSTANCE.GetCurrentProcessId(), session)) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(session.getValue());
	}
}
