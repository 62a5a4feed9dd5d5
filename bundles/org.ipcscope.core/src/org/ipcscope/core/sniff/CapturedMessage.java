package org.ipcscope.core.sniff;

/**
 * One window message as captured.
 *
 * @param sequence     1, 2, 3... in capture order
 * @param timeMicros   when it was captured, microseconds since the Unix epoch
 * @param kind         sent (SendMessage and its kin: the sender waits for the result) or posted
 * @param message      the message number
 * @param name         the registered name of a registered message as the provider resolved it, the
 *                     SDK name of a system message, or {@code null}: see {@link #displayName()}
 * @param wParam       wParam (pointer sized: read it unsigned); for WM_COPYDATA the sender's HWND
 * @param lParam       lParam (pointer sized); for WM_COPYDATA the COPYDATASTRUCT's address in the receiver
 * @param senderPid    the sender's process id, -1 when Windows does not tell it
 * @param senderThread the sender's thread id, -1 when Windows does not tell it
 * @param target       the target window's HWND
 * @param dwData       COPYDATASTRUCT.dwData for WM_COPYDATA, else 0
 * @param cbData       COPYDATASTRUCT.cbData, the payload's full size, for WM_COPYDATA, else 0
 * @param payload      WM_COPYDATA's bytes, the first {@code payload.length} of them when the capture
 *                     cap cut it short; empty for other messages
 * @param result       what the window procedure returned, or {@link #UNKNOWN_RESULT} (always for a
 *                     posted message: nobody receives its result)
 */
public record CapturedMessage(long sequence, long timeMicros, Kind kind, int message, String name, long wParam,
		long lParam, long senderPid, long senderThread, long target, long dwData, long cbData, byte[] payload,
		long result) {

	/** The result of a message whose return value the strategy cannot see. */
	public static final long UNKNOWN_RESULT = Long.MIN_VALUE;

	/** How the message reached the window. */
	public enum Kind {
		SENT("sent"), POSTED("posted");

		private final String id;

		Kind(String id) {
			this.id = id;
		}

		public String id() {
			return id;
		}

		/** @throws IllegalArgumentException for anything but "sent" and "posted" */
		public static Kind ofId(String id) {
			for (Kind kind : values()) {
				if (kind.id.equals(id)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("kind must be sent or posted: " + id);
		}
	}

	/** A WM_COPYDATA sent by {@code sender} (its HWND in wParam), as captures before other messages held. */
	public CapturedMessage(long sequence, long timeMicros, long sender, long senderPid, long target, long dwData,
			long cbData, byte[] payload, long result) {
		this(sequence, timeMicros, Kind.SENT, WindowMessages.WM_COPYDATA, "WM_COPYDATA", sender, 0, senderPid, -1,
				target, dwData, cbData, payload, result);
	}

	/** @return wParam: for WM_COPYDATA the sender's HWND (0 if none) */
	public long sender() {
		return wParam;
	}

	/** @return whether this is a WM_COPYDATA, whose payload is kept */
	public boolean isCopyData() {
		return message == WindowMessages.WM_COPYDATA;
	}

	/** @return the name to show: registered or SDK name, else the number in hex */
	public String displayName() {
		return WindowMessages.display(message, name);
	}

	/** @return whether the payload holds fewer bytes than were sent */
	public boolean isTruncated() {
		return payload.length < cbData;
	}
}
