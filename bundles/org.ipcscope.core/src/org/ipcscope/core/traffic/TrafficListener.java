package org.ipcscope.core.traffic;

/** Told of what a capture sees, on a thread of the session's (never the UI thread). */
public interface TrafficListener {

	void captured(TrafficRecord record);

	/** @param totalDropped records lost so far because a buffer was full */
	default void dropped(long totalDropped) {
	}

	/**
	 * Capture of one process started.
	 *
	 * @param change what the capture changed in it, in words ("ptrace tracer attached",
	 *               "ipcscope_capture.dll loaded, ReadFile/WriteFile/... hooked")
	 */
	default void attached(long pid, String change) {
	}

	/**
	 * Capture of one process ended: it exited, or was let go and restored.
	 *
	 * @param reason in words
	 */
	default void detached(long pid, String reason) {
	}

	/** One process could not be captured (refused, gone); the others go on. */
	default void refused(long pid, String reason) {
	}

	/** The whole capture ended without being stopped; reason in words. */
	default void ended(String reason) {
	}
}
