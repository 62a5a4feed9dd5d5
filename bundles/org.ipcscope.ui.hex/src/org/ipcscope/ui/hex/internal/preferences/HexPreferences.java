package org.ipcscope.ui.hex.internal.preferences;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.ipcscope.ui.hex.internal.HexSettings;

/** The hex editor's settings that outlive an editor, in the instance scope of this bundle. */
public final class HexPreferences {

	static final String QUALIFIER = "org.ipcscope.ui.hex"; //$NON-NLS-1$
	static final String HISTORY_DEPTH = "historyDepth"; //$NON-NLS-1$
	static final String INTERVAL = "refreshIntervalMillis"; //$NON-NLS-1$
	static final String BYTES_PER_ROW = "bytesPerRow"; //$NON-NLS-1$

	static final int DEFAULT_HISTORY_DEPTH = 5;
	static final int DEFAULT_INTERVAL = 500;
	static final int DEFAULT_BYTES_PER_ROW = 16;

	private HexPreferences() {
	}

	public static IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(QUALIFIER);
	}

	static void initializeDefaults() {
		IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(QUALIFIER);
		defaults.putInt(HISTORY_DEPTH, DEFAULT_HISTORY_DEPTH);
		defaults.putInt(INTERVAL, DEFAULT_INTERVAL);
		defaults.putInt(BYTES_PER_ROW, DEFAULT_BYTES_PER_ROW);
	}

	/** @return refreshes over which a change fades, 1 to 100 */
	public static int historyDepth() {
		return Math.max(1, Math.min(100, node().getInt(HISTORY_DEPTH, DEFAULT_HISTORY_DEPTH)));
	}

	public static long intervalMillis() {
		return Math.max(50, node().getInt(INTERVAL, DEFAULT_INTERVAL));
	}

	public static int bytesPerRow() {
		int value = node().getInt(BYTES_PER_ROW, DEFAULT_BYTES_PER_ROW);
		return value == 8 || value == 16 || value == 32 || value == HexSettings.AUTO_FIT ? value : DEFAULT_BYTES_PER_ROW;
	}

	public static void addListener(IPreferenceChangeListener listener) {
		node().addPreferenceChangeListener(listener);
	}

	public static void removeListener(IPreferenceChangeListener listener) {
		node().removePreferenceChangeListener(listener);
	}
}
