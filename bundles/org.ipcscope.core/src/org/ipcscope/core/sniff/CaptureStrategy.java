package org.ipcscope.core.sniff;

/** How the messages sent and posted to a window are intercepted; each has limits the UI shows. */
public enum CaptureStrategy {
	/**
	 * The target is renamed and hidden, a window of the same class and title takes its place, logs
	 * each message and forwards it synchronously. Needs no code in the target; senders that hold
	 * the target's HWND from before the start bypass it. It sees WM_COPYDATA and the messages from
	 * WM_USER up (application, WM_APP and registered ones), which it passes on as they came: sent ones
	 * sent, posted ones posted; system messages below WM_USER are not forwarded.
	 */
	PROXY("proxy"),
	/**
	 * A DLL is loaded into the target's thread, subclasses the window from inside (sent messages) and
	 * hooks the thread's message queue (posted messages), and copies each message into a ring buffer
	 * in a named shared section. Sees every sender and every message; needs a DLL of the
	 * target's bitness and the same or higher integrity level.
	 */
	IN_PROCESS("inproc");

	private final String id;

	CaptureStrategy(String id) {
		this.id = id;
	}

	/** @return the name used on the command line and in capture files */
	public String id() {
		return id;
	}

	/** @throws IllegalArgumentException for an unknown id, naming the known ones */
	public static CaptureStrategy ofId(String id) {
		for (CaptureStrategy strategy : values()) {
			if (strategy.id.equals(id)) {
				return strategy;
			}
		}
		throw new IllegalArgumentException("unknown strategy '" + id + "': use proxy or inproc");
	}
}
