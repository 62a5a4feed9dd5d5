package org.ipcscope.ui.process.internal;

import org.eclipse.core.runtime.IAdaptable;
import org.ipcscope.core.process.ProcessInfo;

/**
 * A row of the process list. It adapts to its {@link ProcessInfo}, so that other plug-ins'
 * commands (Capture I/O...) work on it without reaching into this package.
 *
 * @param info   the process
 * @param launch the label of the debug launch that started it, or empty
 */
public record ProcessRow(ProcessInfo info, String launch) implements IAdaptable {

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return adapter == ProcessInfo.class ? adapter.cast(info) : null;
	}

	public boolean isLaunched() {
		return !launch.isEmpty();
	}
}
