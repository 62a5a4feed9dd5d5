package org.ipcscope.core.sniff;

/**
 * @param payloadCap bytes of each payload kept at most (the rest is counted in cbData only)
 * @param ringSlots  messages the in-process ring buffer holds before it drops
 */
public record CaptureOptions(int payloadCap, int ringSlots) {

	public static final CaptureOptions DEFAULT = new CaptureOptions(1 << 20, 4096);

	public CaptureOptions {
		if (payloadCap < 0 || ringSlots < 1) {
			throw new IllegalArgumentException("payload cap must be >= 0 and ring slots >= 1");
		}
	}
}
