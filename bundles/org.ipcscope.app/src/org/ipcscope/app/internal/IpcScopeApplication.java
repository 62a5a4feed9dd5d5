package org.ipcscope.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.osgi.service.datalocation.Location;
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
		useProfileWorkspace();
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new IpcScopeWorkbenchAdvisor());
			return code == PlatformUI.RETURN_RESTART ? EXIT_RESTART : EXIT_OK;
		} finally {
			display.dispose();
		}
	}

	/**
	 * Without -data, the workspace goes to the user's profile ({@link WorkspaceDirectory}), not into
	 * the folder the product was started from. A workspace that cannot be made there stays where
	 * Equinox puts it.
	 */
	private static void useProfileWorkspace() {
		Location instance = Platform.getInstanceLocation();
		if (instance == null || instance.isSet() || instance.isReadOnly()) {
			return;
		}
		Path directory = WorkspaceDirectory.of(System.getProperty("os.name", ""), System.getenv(),
				System.getProperty("user.home"));
		try {
			Files.createDirectories(directory);
			instance.set(directory.toUri().toURL(), true);
		} catch (IOException | IllegalStateException e) {
			System.err.println("IPC Scope keeps its workspace in the default place: " + directory + " cannot be used (" + e
					+ ").");
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
