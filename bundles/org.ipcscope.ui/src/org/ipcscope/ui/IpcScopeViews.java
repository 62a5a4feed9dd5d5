package org.ipcscope.ui;

/** Ids of the parts IPC Scope contributes, for perspectives and other plug-ins. */
public final class IpcScopeViews {

	/** The IPC Objects view. */
	public static final String IPC_OBJECTS = "org.ipcscope.ui.views.ipcObjects"; //$NON-NLS-1$

	/** The Show View category. */
	public static final String CATEGORY = "org.ipcscope.ui.category"; //$NON-NLS-1$

	private IpcScopeViews() {
	}
}
