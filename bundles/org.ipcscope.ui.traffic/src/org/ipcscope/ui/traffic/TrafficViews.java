package org.ipcscope.ui.traffic;

/** Ids of the parts the traffic capture contributes, for perspectives and other plug-ins. */
public final class TrafficViews {

	/** The Traffic view. */
	public static final String TRAFFIC = "org.ipcscope.ui.traffic.views.traffic"; //$NON-NLS-1$

	private TrafficViews() {
	}
}
