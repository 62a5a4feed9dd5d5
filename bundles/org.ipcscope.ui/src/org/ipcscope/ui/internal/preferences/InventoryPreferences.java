package org.ipcscope.ui.internal.preferences;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.ipcscope.core.InventorySettings;

/** The inventory's preferences, and handing them to the providers through {@link InventorySettings}. */
public final class InventoryPreferences {

	public static final String FIFO_DIRECTORIES = "fifoDirectories";

	private static IPreferenceStore store;

	private InventoryPreferences() {
	}

	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "org.ipcscope.ui");
			store.addPropertyChangeListener(event -> {
				if (FIFO_DIRECTORIES.equals(event.getProperty())) {
					apply();
				}
			});
		}
		return store;
	}

	/** Gives the providers what the preferences say; directories from the environment stay. */
	public static void apply() {
		List<Path> directories = new ArrayList<>(InventorySettings.parse(System.getenv(InventorySettings.FIFO_DIRS_VARIABLE)));
		directories.addAll(InventorySettings.parse(store().getString(FIFO_DIRECTORIES)));
		InventorySettings.setFifoDirectories(directories);
	}
}
