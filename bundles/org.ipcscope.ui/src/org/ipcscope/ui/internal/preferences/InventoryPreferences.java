package org.ipcscope.ui.internal.preferences;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.ui.internal.Messages;

/** The inventory's preferences, and the {@link InventoryRequest} a view's refresh makes of them. */
public final class InventoryPreferences {

	public static final String FIFO_DIRECTORIES = "fifoDirectories"; //$NON-NLS-1$
	/** Milliseconds between two refreshes of a live view (IPC Objects, Processes). */
	public static final String REFRESH_MILLIS = "liveRefreshMillis"; //$NON-NLS-1$
	public static final int MIN_REFRESH_MILLIS = 250;
	public static final int MAX_REFRESH_MILLIS = 3_600_000;
	private static final int DEFAULT_REFRESH_MILLIS = 2000;

	private static IPreferenceStore store;

	private InventoryPreferences() {
	}

	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "org.ipcscope.ui"); //$NON-NLS-1$
			store.setDefault(REFRESH_MILLIS, DEFAULT_REFRESH_MILLIS);
		}
		return store;
	}

	/** Writes the preferences out now, so that a choice made in a menu survives a crash. */
	public static void save() {
		try {
			((ScopedPreferenceStore) store()).save();
		} catch (IOException e) {
			Platform.getLog(InventoryPreferences.class).warn(Messages.Preferences_SaveFailed, e);
		}
	}

	public static long refreshMillis() {
		return clampRefresh(store().getInt(REFRESH_MILLIS));
	}

	public static int clampRefresh(long millis) {
		return (int) Math.max(MIN_REFRESH_MILLIS, Math.min(MAX_REFRESH_MILLIS, millis));
	}

	/**
	 * What a refresh asks for as the preferences say now: every kind, and the FIFO directories of
	 * the environment and of the preferences.
	 */
	public static InventoryRequest request() {
		List<Path> directories = new ArrayList<>(InventoryRequest.parseDirectories(System.getenv(InventoryRequest.FIFO_DIRS_VARIABLE)));
		directories.addAll(InventoryRequest.parseDirectories(store().getString(FIFO_DIRECTORIES)));
		return InventoryRequest.all().withFifoDirectories(directories);
	}
}
