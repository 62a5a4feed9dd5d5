package org.ipcscope.app.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the product keeps its workspace when it is not told (-data): in the user's profile, never
 * in the product's folder (where Equinox would put it by default, as {@code workspace} beside the
 * current directory). Windows: {@code %LOCALAPPDATA%\IPC Scope\workspace}; elsewhere the XDG data
 * directory, {@code ${XDG_DATA_HOME:-~/.local/share}/ipcscope/workspace}.
 */
final class WorkspaceDirectory {

	private WorkspaceDirectory() {
	}

	static Path of(String osName, Map<String, String> environment, String userHome) {
		if (osName.startsWith("Windows")) { //$NON-NLS-1$
			String local = environment.get("LOCALAPPDATA"); //$NON-NLS-1$
			Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local"); //$NON-NLS-1$ //$NON-NLS-2$
			return base.resolve("IPC Scope").resolve("workspace"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		String data = environment.get("XDG_DATA_HOME"); //$NON-NLS-1$
		// the XDG spec: a relative path there is invalid and is ignored
		Path base = data != null && data.startsWith("/") ? Path.of(data) : Path.of(userHome, ".local", "share"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return base.resolve("ipcscope").resolve("workspace"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
