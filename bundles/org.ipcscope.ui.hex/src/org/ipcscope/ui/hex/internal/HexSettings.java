package org.ipcscope.ui.hex.internal;

import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.ui.hex.internal.preferences.HexPreferences;

/**
 * How one editor shows its region. Each editor has its own; new editors start from the
 * preferences. Changed on the UI thread only.
 */
public final class HexSettings {

	/** Bytes per row chosen to fill the width. */
	public static final int AUTO_FIT = 0;

	public int bytesPerRow = 16;
	public int group = 1;
	public boolean littleEndian = true;
	public TextEncoding encoding = TextEncoding.ASCII;
	public boolean absoluteOffsets;
	public long baseAddress;
	boolean autoRefresh = true;
	public long intervalMillis = 500;
	int historyDepth = 5;

	static HexSettings fromPreferences() {
		HexSettings settings = new HexSettings();
		settings.bytesPerRow = HexPreferences.bytesPerRow();
		settings.intervalMillis = HexPreferences.intervalMillis();
		settings.historyDepth = HexPreferences.historyDepth();
		return settings;
	}
}
