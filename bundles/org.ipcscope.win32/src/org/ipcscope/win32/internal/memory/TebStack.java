package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A thread's stack as its TEB describes it. x64: the TEB starts with an NT_TIB
 * {ExceptionList@0, PVOID StackBase@8 (top, exclusive), PVOID StackLimit@16 (lowest committed)};
 * DeallocationStack@0x1478 is where the stack's reservation begins (below it nothing of this
 * stack; between it and StackLimit the reserved part and the guard page).
 */
record TebStack(long stackBase, long stackLimit, long deallocationStack) {

	static final int SIZE = 0x1480;
	static final int DEALLOCATION_STACK = 0x1478;
	/** sizeof(TEB) on x64 is 0x1838: two pages. */
	static final int TEB_SIZE = 0x1838;

	static TebStack decode(ByteBuffer buffer) {
		ByteBuffer teb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (teb.limit() < SIZE) {
			throw new IllegalArgumentException("the TEB's stack fields need " + SIZE + " bytes, got " + teb.limit());
		}
		return new TebStack(teb.getLong(8), teb.getLong(16), teb.getLong(DEALLOCATION_STACK));
	}

	/** @return the lowest address of the stack: its reservation if the TEB knows it, else StackLimit */
	long bottom() {
		return deallocationStack != 0 && Long.compareUnsigned(deallocationStack, stackLimit) < 0 ? deallocationStack
				: stackLimit;
	}

	boolean isValid() {
		return stackBase != 0 && stackLimit != 0 && Long.compareUnsigned(stackLimit, stackBase) < 0;
	}
}
