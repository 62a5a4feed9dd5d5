package org.ipcscope.core.sniff;

/**
 * One WM_COPYDATA message as captured.
 *
 * @param sequence   1, 2, 3... in capture order
 * @param timeMicros when it was captured, microseconds since the Unix epoch
 * @param sender     the sender's HWND as given in wParam (0 if none)
 * @param senderPid  the sender's process id, -1 when it could not be resolved
 * @param target     the target window's HWND
 * @param dwData     COPYDATASTRUCT.dwData (pointer sized: read it unsigned)
 * @param cbData     COPYDATASTRUCT.cbData, the payload's full size
 * @param payload    the payload's bytes, the first {@code payload.length} of them when the capture
 *                   cap cut it short
 * @param result     what the receiver returned from SendMessage, or {@link #UNKNOWN_RESULT}
 */
public record CapturedMessage(long sequence, long timeMicros, long sender, long senderPid, long target, long dwData,
		long cbData, byte[] payload, long result) {

	/** The result of a message whose return value the strategy cannot see. */
	public static final long UNKNOWN_RESULT = Long.MIN_VALUE;

	/** @return whether the payload holds fewer bytes than were sent */
	public boolean isTruncated() {
		return payload.length < cbData;
	}
}
