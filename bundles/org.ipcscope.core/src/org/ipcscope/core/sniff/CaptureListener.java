package org.ipcscope.core.sniff;

/** Told of each captured message, on a thread of the session's (never the UI thread). */
public interface CaptureListener {

	void captured(CapturedMessage message);

	/** @param totalDropped messages lost so far because the ring buffer was full */
	default void dropped(long totalDropped) {
	}

	/** The capture ended without being stopped (target window gone, failure); reason in words. */
	default void ended(String reason) {
	}
}
