package org.ipcscope.ui.sniff.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How capture tables show a time: the local time of day to the microsecond. */
public final class CaptureTime {

	private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS"); //$NON-NLS-1$

	private CaptureTime() {
	}

	/** @param micros microseconds since the Unix epoch */
	public static String of(long micros) {
		Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
		return TIME_FORMAT.format(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
	}
}
