package org.ipcscope.ui.internal.views;

import java.text.NumberFormat;

/** Sizes as people read them: exact bytes, with the binary unit beside when it helps. */
final class SizeFormat {

	private static final String[] UNITS = { "KiB", "MiB", "GiB", "TiB" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	private SizeFormat() {
	}

	static String format(long bytes) {
		String exact = NumberFormat.getIntegerInstance().format(bytes);
		if (bytes < 1024) {
			return exact;
		}
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format("%s (%.1f %s)", exact, value, UNITS[unit]); //$NON-NLS-1$
	}
}
