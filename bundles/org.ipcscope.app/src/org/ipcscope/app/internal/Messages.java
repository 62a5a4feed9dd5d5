package org.ipcscope.app.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	public static String Application_NoDisplay;
	public static String Application_WorkspaceUnusable;
	public static String Window_Title;

	static {
		NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class); //$NON-NLS-1$
	}

	private Messages() {
	}
}
