package org.ipcscope.ui.hex.internal;

import org.ipcscope.core.hex.TextEncoding;

/**
 * How one editor shows its region. Each editor has its own; new editors start from the
 * preferences. Changed on the UI thread only.
 */
final class HexSettings {

	/** Bytes per row chosen to fill the width. */
	static final int AUTO_FIT = 0;

	int bytesPerRow = 16;
	int group = 1;
	boolean littleEndian = true;
	TextEncoding encoding = TextEncoding.ASCII;
	boolean absoluteOffsets;
	long baseAddress;
	boolean autoRefresh = true;
	long intervalMillis = 500;
	int historyDepth = 5;

	static HexSettings fromPreferences() {
		HexSettings settings = new HexSettings();
		settings.bytesPerRow = HexPreferences.bytesPerRow();
		settings.intervalMillis = HexPreferences.intervalMillis();
		settings.historyDepth = HexPreferences.historyDepth();
		return settings;
	}
}
