package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.ipcscope.win32.internal.nt.SemaphoreBasicInformation;
import org.junit.jupiter.api.Test;

class SemaphoreBasicInformationTest {

	@Test
	void countThenMaximum() {
		ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(0, 2);
		buffer.putInt(4, Integer.MAX_VALUE);

		SemaphoreBasicInformation info = SemaphoreBasicInformation.decode(buffer);

		assertEquals(new SemaphoreBasicInformation(2, Integer.MAX_VALUE), info);
		ObjectState state = SemaphoreDescriber.state(info);
		assertEquals(List.of("Count", "Maximum"), List.copyOf(state.details().keySet()));
		assertEquals("2147483647", state.details().get("Maximum"));
	}

	@Test
	void rejectsAShortBuffer() {
		assertThrows(IllegalArgumentException.class, () -> SemaphoreBasicInformation.decode(ByteBuffer.allocate(4)));
	}
}
