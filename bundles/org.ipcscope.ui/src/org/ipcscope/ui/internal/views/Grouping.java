package org.ipcscope.ui.internal.views;

/** How the IPC Objects tree groups its rows. */
enum Grouping {
	/** One group per kind of object. */
	KIND,
	/** One group per owning process; an object held by several processes is under each. */
	PROCESS;

	/** The value of the radio state parameter of the Group By command. */
	String parameter() {
		return name().toLowerCase();
	}

	static Grouping fromParameter(String value) {
		return "process".equals(value) ? PROCESS : KIND; //$NON-NLS-1$
	}
}
