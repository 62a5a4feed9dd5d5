package org.ipcscope.ui.hex.internal;

import java.io.IOException;

import org.eclipse.core.runtime.jobs.Job;
import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.ui.hex.internal.preferences.HexPreferences;

/**
 * The hex editor's view settings as the user changes them (UI thread): each change lays the
 * rows out again or reads them, and updates the status line and the menus' checked states.
 */
public final class ViewControl {

	private final HexEditor editor;
	private final HexSettings settings;

	ViewControl(HexEditor editor, HexSettings settings) {
		this.editor = editor;
		this.settings = settings;
	}

	public void setAutoRefresh(boolean on) {
		settings.autoRefresh = on;
		editor.requestRead(on);
		viewChanged();
	}

	public boolean isAutoRefresh() {
		return settings.autoRefresh;
	}

	public void setRefreshInterval(long millis) {
		settings.intervalMillis = Math.max(50, millis);
		editor.requestRead(false);
		viewChanged();
	}

	/** @param bytes 8, 16, 32 or {@link HexSettings#AUTO_FIT} */
	public void setBytesPerRow(int bytes) {
		settings.bytesPerRow = bytes;
		layoutChanged();
	}

	/** @param bytes 1, 2, 4 or 8 */
	public void setGrouping(int bytes) {
		settings.group = bytes;
		layoutChanged();
	}

	public void setLittleEndian(boolean little) {
		settings.littleEndian = little;
		layoutChanged();
	}

	public void setTextEncoding(TextEncoding encoding) {
		settings.encoding = encoding;
		layoutChanged();
	}

	public void setAbsoluteOffsets(boolean absolute) {
		settings.absoluteOffsets = absolute;
		layoutChanged();
	}

	/** The address the region starts at in "absolute" offsets: where some process maps it. */
	public void setBaseAddress(long base) {
		settings.baseAddress = base;
		layoutChanged();
	}

	private void layoutChanged() {
		editor.canvas().settingsChanged();
		editor.requestRead(false);
		viewChanged();
	}

	private void viewChanged() {
		editor.status().update();
		editor.refreshCommands();
	}

	/** The history depth preference changed: the reader keeps that many refreshes from now on. */
	void preferencesChanged() {
		if (editor.canvas() == null || editor.canvas().isDisposed()) {
			return;
		}
		settings.historyDepth = HexPreferences.historyDepth();
		int depth = settings.historyDepth;
		Job.create(Messages.ReadJob_Name, monitor -> {
			try {
				editor.region().withReader(reader -> {
					reader.setHistoryDepth(depth);
					return null;
				});
			} catch (IOException e) {
				// not open yet or closed: the depth applies when it opens
			}
		}).schedule();
	}
}
