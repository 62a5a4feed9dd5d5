package org.ipcscope.ui.process.internal;

import org.eclipse.swt.widgets.Control;

/** Hands a job's result to the UI thread, unless the view is gone by then. */
final class Views {

	private Views() {
	}

	static void asyncExec(Control control, Runnable runnable) {
		if (control.isDisposed()) {
			return;
		}
		control.getDisplay().asyncExec(() -> {
			if (!control.isDisposed()) {
				runnable.run();
			}
		});
	}
}
