package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * EVENT_BASIC_INFORMATION from NtQueryEvent(EventBasicInformation): {EVENT_TYPE EventType@0
 * (0 NotificationEvent = manual reset, 1 SynchronizationEvent = auto reset), LONG EventState@4}.
 */
public record EventBasicInformation(int eventType, int eventState) {

	public static final int SIZE = 8;

	public static EventBasicInformation decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < SIZE) {
			throw new IllegalArgumentException("EVENT_BASIC_INFORMATION needs " + SIZE + " bytes, got " + in.limit());
		}
		return new EventBasicInformation(in.getInt(0), in.getInt(4));
	}

	public String describeType() {
		return switch (eventType) {
		case 0 -> "manual reset";
		case 1 -> "auto reset";
		default -> "type " + eventType;
		};
	}

	public String describeState() {
		return eventState != 0 ? "signaled" : "not signaled";
	}
}
