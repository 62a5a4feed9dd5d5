package org.ipcscope.core.sniff;

import java.util.Objects;

/**
 * @param payloadCap bytes of each payload kept at most (the rest is counted in cbData only)
 * @param ringSlots  messages the in-process ring buffer holds before it drops
 * @param messages   the messages kept
 */
public record CaptureOptions(int payloadCap, int ringSlots, MessageSelection messages) {

	/** WM_COPYDATA only, as the sniffer did before it saw other messages. */
	public static final CaptureOptions DEFAULT = new CaptureOptions(1 << 20, 4096);

	public CaptureOptions {
		if (payloadCap < 0 || ringSlots < 1) {
			throw new IllegalArgumentException("payload cap must be >= 0 and ring slots >= 1");
		}
		Objects.requireNonNull(messages, "messages");
	}

	/** Captures WM_COPYDATA only. */
	public CaptureOptions(int payloadCap, int ringSlots) {
		this(payloadCap, ringSlots, MessageSelection.COPYDATA);
	}

	public CaptureOptions withMessages(MessageSelection selection) {
		return new CaptureOptions(payloadCap, ringSlots, selection);
	}
}
