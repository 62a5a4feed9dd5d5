package org.ipcscope.app.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** The standalone product: a workbench window opened on the IPC Scope perspective. */
public class IpcScopeApplication implements IApplication {

	/** Returned when no display could be opened. */
	static final Integer EXIT_NO_DISPLAY = 4;

	@Override
	public Object start(IApplicationContext context) {
		Display display;
		try {
			display = PlatformUI.createDisplay();
		} catch (SWTError | UnsatisfiedLinkError e) {
			System.err.println("IPC Scope could not open a display (" + e.getMessage() + ")."
					+ " Run it in a desktop session, or under xvfb-run; for scripts use './ipcscope list'.");
			return EXIT_NO_DISPLAY;
		}
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new IpcScopeWorkbenchAdvisor());
			return code == PlatformUI.RETURN_RESTART ? EXIT_RESTART : EXIT_OK;
		} finally {
			display.dispose();
		}
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		Display display = workbench.getDisplay();
		display.syncExec(() -> {
			if (!display.isDisposed()) {
				workbench.close();
			}
		});
	}
}
