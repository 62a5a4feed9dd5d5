package org.ipcscope.win32.internal;

import java.util.Optional;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Tells whether this process runs under Wine. Wine's ntdll exports {@code wine_get_version},
 * Windows' never does; version checks and feature probes would lie either way.
 */
public final class Wine {

	private static final Optional<String> VERSION = probe();

	private Wine() {
	}

	/** @return Wine's version (for example "8.0"), or empty on real Windows */
	public static Optional<String> version() {
		return VERSION;
	}

	public static boolean isWine() {
		return VERSION.isPresent();
	}

	private static Optional<String> probe() {
		try {
			Function function = NativeLibrary.getInstance("ntdll").getFunction("wine_get_version");
			return Optional.ofNullable(function.invokeString(new Object[0], false));
		} catch (UnsatisfiedLinkError e) {
			return Optional.empty();
		}
	}
}
