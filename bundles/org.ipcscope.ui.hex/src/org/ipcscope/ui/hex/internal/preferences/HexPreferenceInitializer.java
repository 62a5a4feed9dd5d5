package org.ipcscope.ui.hex.internal.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** The defaults of the hex editor's preferences. */
public class HexPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		HexPreferences.initializeDefaults();
	}
}
