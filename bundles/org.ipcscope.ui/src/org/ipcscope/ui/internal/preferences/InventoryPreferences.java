package org.ipcscope.ui.internal.preferences;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.ipcscope.core.InventorySettings;

/** The inventory's preferences, and handing them to the providers through {@link InventorySettings}. */
public final class InventoryPreferences {

	public static final String FIFO_DIRECTORIES = "fifoDirectories";
	/** Milliseconds between two refreshes of a live view (IPC Objects, Processes). */
	public static final String REFRESH_MILLIS = "liveRefreshMillis";
	public static final int MIN_REFRESH_MILLIS = 250;
	public static final int MAX_REFRESH_MILLIS = 3_600_000;
	private static final int DEFAULT_REFRESH_MILLIS = 2000;

	private static IPreferenceStore store;

	private InventoryPreferences() {
	}

	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "org.ipcscope.ui");
			store.setDefault(REFRESH_MILLIS, DEFAULT_REFRESH_MILLIS);
			store.addPropertyChangeListener(event -> {
				if (FIFO_DIRECTORIES.equals(event.getProperty())) {
					apply();
				}
			});
		}
		return store;
	}

	/** Writes the preferences out now, so that a choice made in a menu survives a crash. */
	public static void save() {
		try {
			((ScopedPreferenceStore) store()).save();
		} catch (IOException e) {
			Platform.getLog(InventoryPreferences.class).warn("Cannot save the IPC Scope preferences", e);
		}
	}

	public static long refreshMillis() {
		return clampRefresh(store().getInt(REFRESH_MILLIS));
	}

	public static int clampRefresh(long millis) {
		return (int) Math.max(MIN_REFRESH_MILLIS, Math.min(MAX_REFRESH_MILLIS, millis));
	}

	/** Gives the providers what the preferences say; directories from the environment stay. */
	public static void apply() {
		List<Path> directories = new ArrayList<>(InventorySettings.parse(System.getenv(InventorySettings.FIFO_DIRS_VARIABLE)));
		directories.addAll(InventorySettings.parse(store().getString(FIFO_DIRECTORIES)));
		InventorySettings.setFifoDirectories(directories);
	}
}
