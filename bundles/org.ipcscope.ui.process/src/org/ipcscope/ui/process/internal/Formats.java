package org.ipcscope.ui.process.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How the views write addresses, sizes and times. */
final class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"); //$NON-NLS-1$
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss"); //$NON-NLS-1$
	/** Between the parts of a status line. */
	static final String SEPARATOR = "  \u00b7  "; //$NON-NLS-1$
	private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

	private Formats() {
	}

	static String address(long address) {
		return String.format("0x%012x", address); //$NON-NLS-1$
	}

	static String hex(long value) {
		return "0x" + Long.toHexString(value); //$NON-NLS-1$
	}

	static String size(long bytes) {
		int unit = 0;
		double value = bytes;
		while (value >= 1024 && unit < UNITS.length - 1 && bytes % (1L << (10 * (unit + 1))) == 0) {
			value /= 1024;
			unit++;
		}
		return unit == 0 ? bytes + " B" : String.format("%.0f %s", value, UNITS[unit]); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A size that need not be exact: one decimal in the largest unit below it. */
	static String amount(long bytes) {
		int unit = 0;
		double value = bytes;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return unit == 0 ? bytes + " B" : String.format("%.1f %s", value, UNITS[unit]); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String time(Optional<Instant> instant) {
		return instant.map(i -> DATE_TIME.format(LocalDateTime.ofInstant(i, ZoneId.systemDefault()))).orElse(""); //$NON-NLS-1$
	}

	static String now() {
		return TIME.format(java.time.LocalTime.now());
	}
}
