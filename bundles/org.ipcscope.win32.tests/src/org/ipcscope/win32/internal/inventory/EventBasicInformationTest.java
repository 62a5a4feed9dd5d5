package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.ipcscope.win32.internal.nt.EventBasicInformation;
import org.junit.jupiter.api.Test;

class EventBasicInformationTest {

	private static EventBasicInformation event(int type, int state) {
		ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(0, type);
		buffer.putInt(4, state);
		return EventBasicInformation.decode(buffer.order(ByteOrder.BIG_ENDIAN));
	}

	@Test
	void notificationIsManualResetSynchronizationIsAuto() {
		assertEquals(new EventBasicInformation(0, 1), event(0, 1));
		assertEquals(Map.of("Event type", "manual reset", "State", "signaled"), EventDescriber.state(event(0, 1)).details());
		assertEquals(Map.of("Event type", "auto reset", "State", "not signaled"), EventDescriber.state(event(1, 0)).details());
		assertEquals("type 7", event(7, 0).describeType());
	}

	@Test
	void rejectsAShortBuffer() {
		assertThrows(IllegalArgumentException.class, () -> EventBasicInformation.decode(ByteBuffer.allocate(4)));
	}
}
