package org.ipcscope.cli.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The resident server's times as the user sets them ({@code IPCSCOPE_DAEMON_IDLE},
 * {@code IPCSCOPE_DAEMON_TIMEOUT}): plain decimal seconds, so that {@code inf}, {@code 1e309} or
 * {@code 9e18} are refused with a message instead of silently turning the server off. The script
 * ({@code ./ipcscope}) and the native client check the same format.
 */
final class DaemonSettings {

	static final String SECONDS_FORMAT = "a number of seconds from 0.001 to 999999.999 (digits, at most 3 after the point)";
	private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,3})?");

	private DaemonSettings() {
	}

	/** @return {@code text} as {@link #SECONDS_FORMAT} says, or {@code null} if it is not that */
	static Duration seconds(String text) {
		if (!SECONDS.matcher(text).matches()) {
			return null;
		}
		Duration duration = Duration.ofMillis(new BigDecimal(text).movePointRight(3).longValueExact());
		return duration.isZero() ? null : duration;
	}
}
