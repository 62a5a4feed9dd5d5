package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MUTANT_BASIC_INFORMATION from NtQueryMutant(MutantBasicInformation): {LONG CurrentCount@0,
 * BOOLEAN OwnedByCaller@4, BOOLEAN AbandonedState@5}. CurrentCount is 1 when free and 1 - n
 * while a thread holds it n times.
 */
public record MutantBasicInformation(int currentCount, boolean ownedByCaller, boolean abandoned) {

	public static final int SIZE = 8;

	public static MutantBasicInformation decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < SIZE) {
			throw new IllegalArgumentException("MUTANT_BASIC_INFORMATION needs " + SIZE + " bytes, got " + in.limit());
		}
		return new MutantBasicInformation(in.getInt(0), in.get(4) != 0, in.get(5) != 0);
	}

	public boolean isOwned() {
		return currentCount <= 0;
	}

	public String describeState() {
		if (abandoned) {
			return "abandoned";
		}
		return isOwned() ? "owned (held " + (1 - (long) currentCount) + " time(s))" : "free";
	}
}
