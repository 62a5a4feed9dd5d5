package org.ipcscope.ui.hex.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The hex editor's status line: the caret's offset, the selection, the region's size, how the
 * last refresh went, writable or not, the baseline's time and the last message of a command.
 */
final class StatusLine {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss"); //$NON-NLS-1$

	private final Label label;
	private final HexCanvas canvas;
	private final HexSettings settings;
	private final LiveRegion region;
	private String message;
	private long lastReadNanos;
	private int lastReadRows;

	StatusLine(Composite parent, HexCanvas canvas, HexSettings settings, LiveRegion region) {
		label = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
		this.canvas = canvas;
		this.settings = settings;
		this.region = region;
	}

	String text() {
		return label.getText();
	}

	/** Shows a command's message until the next one; null takes it away at the next update. */
	void setMessage(String text) {
		message = text;
		update();
	}

	/** Takes the message away without showing the line again. */
	void clearMessage() {
		message = null;
	}

	/** Records how long reading the visible rows took. */
	void read(long nanos, int rows) {
		lastReadNanos = nanos;
		lastReadRows = rows;
	}

	void update() {
		if (label.isDisposed()) {
			return;
		}
		List<String> parts = new ArrayList<>();
		long caret = canvas.caret();
		long shown = settings.absoluteOffsets ? settings.baseAddress + caret : caret;
		parts.add(NLS.bind(Messages.Status_Offset, HexEditor.formatOffset(shown), Long.toString(caret)));
		if (canvas.selectionLength() > 1) {
			parts.add(NLS.bind(Messages.Status_Selected, canvas.selectionLength()));
		}
		parts.add(NLS.bind(Messages.Status_Size, canvas.regionSize()));
		if (region.gone() != null) {
			parts.add(Messages.Status_Gone);
		} else if (settings.autoRefresh) {
			parts.add(NLS.bind(Messages.Status_Refreshing,
					new Object[] { lastReadRows, String.format("%.2f", lastReadNanos / 1e6), settings.intervalMillis })); //$NON-NLS-1$
		} else {
			parts.add(Messages.Status_Paused);
		}
		parts.add(region.canWrite() ? Messages.Status_Writable : Messages.Status_ReadOnly);
		if (region.baseline() != null) {
			parts.add(NLS.bind(Messages.Status_Baseline,
					TIME.format(LocalTime.ofInstant(region.baseline().taken(), ZoneId.systemDefault()))));
		}
		if (message != null) {
			parts.add(message);
		}
		label.setText(String.join("  \u00b7  ", parts)); //$NON-NLS-1$
	}
}
