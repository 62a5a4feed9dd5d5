package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** SEMAPHORE_BASIC_INFORMATION from NtQuerySemaphore: {LONG CurrentCount@0, LONG MaximumCount@4}. */
public record SemaphoreBasicInformation(int currentCount, int maximumCount) {

	public static final int SIZE = 8;

	public static SemaphoreBasicInformation decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < SIZE) {
			throw new IllegalArgumentException("SEMAPHORE_BASIC_INFORMATION needs " + SIZE + " bytes, got " + in.limit());
		}
		return new SemaphoreBasicInformation(in.getInt(0), in.getInt(4));
	}
}
