package org.ipcscope.ui.sniff;

/** Ids of the parts the WM_COPYDATA sniffer contributes, for perspectives and other plug-ins. */
public final class SniffViews {

	/** The WM_COPYDATA Sniffer view. */
	public static final String COPY_DATA = "org.ipcscope.ui.sniff.views.copyData";

	private SniffViews() {
	}
}
