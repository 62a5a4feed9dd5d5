package org.ipcscope.ui.process.internal;

import org.ipcscope.core.process.ProcessInfo;

/**
 * A row of the process list.
 *
 * @param info   the process
 * @param launch the label of the debug launch that started it, or empty
 */
record ProcessRow(ProcessInfo info, String launch) {

	boolean isLaunched() {
		return !launch.isEmpty();
	}
}
