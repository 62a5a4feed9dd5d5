package org.ipcscope.ui.sniff;

/** Ids of the parts the WM_COPYDATA sniffer contributes, for perspectives and other plug-ins. */
public final class SniffViews {

	/** The Message Sniffer view (its id keeps the name it had as the WM_COPYDATA Sniffer: saved layouts name it). */
	public static final String COPY_DATA = "org.ipcscope.ui.sniff.views.copyData"; //$NON-NLS-1$

	private SniffViews() {
	}
}
