package org.ipcscope.ui.sniff.internal;

/** Where a capture view is in its life cycle: a capture's, or a capture file's. */
public enum CaptureState {
	/** Nothing captured or opened yet. */
	IDLE,
	/** A session is being started in a job. */
	STARTING,
	RUNNING,
	/** The session is being closed (its targets restored) in a job. */
	STOPPING,
	STOPPED,
	/** Closing the session failed; the detail says why. */
	STOP_FAILED,
	/** The session ended on its own; the detail says why. */
	ENDED,
	/** The session did not start; the detail says why. */
	FAILED,
	/** A capture file is being read; the detail is its name. */
	LOADING,
	LOADED,
	LOAD_FAILED,
	/** A load was cancelled by Clear, a new load or a capture. */
	LOAD_CANCELLED;

	/** @return whether a session is starting, running or stopping: the capture settings stay locked */
	public boolean busy() {
		return this == STARTING || this == RUNNING || this == STOPPING;
	}
}
