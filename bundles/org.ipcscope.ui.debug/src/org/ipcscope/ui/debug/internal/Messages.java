package org.ipcscope.ui.debug.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	public static String InspectMemory_FindingProgram;
	public static String InspectMemory_NoProgram;
	public static String InspectMemory_NoProgramTitle;
	public static String InspectMemory_ListFailed;

	static {
		NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class); //$NON-NLS-1$
	}

	private Messages() {
	}
}
