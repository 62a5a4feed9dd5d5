package org.ipcscope.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;
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
			System.err.println(NLS.bind(Messages.Application_NoDisplay, e.getMessage()));
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
		Path directory = WorkspaceDirectory.of(System.getProperty("os.name", ""), System.getenv(), //$NON-NLS-1$ //$NON-NLS-2$
				System.getProperty("user.home")); //$NON-NLS-1$
		try {
			Files.createDirectories(directory);
			instance.set(directory.toUri().toURL(), true);
		} catch (IOException | IllegalStateException e) {
			System.err.println(NLS.bind(Messages.Application_WorkspaceUnusable, directory, e));
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
