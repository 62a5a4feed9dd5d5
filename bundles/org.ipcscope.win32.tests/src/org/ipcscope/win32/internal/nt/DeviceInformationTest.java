package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class DeviceInformationTest {

	private static DeviceInformation device(int type) {
		ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(0, type);
		buffer.putInt(4, 0x20000);
		return DeviceInformation.decode(buffer);
	}

	@Test
	void pipesAndMailslotsPassOthersDoNot() {
		assertEquals(new DeviceInformation(0x11, 0x20000), device(0x11));
		assertTrue(device(DeviceInformation.FILE_DEVICE_NAMED_PIPE).isPipeOrMailslot());
		assertTrue(device(DeviceInformation.FILE_DEVICE_MAILSLOT).isPipeOrMailslot());
		assertFalse(device(0x08).isPipeOrMailslot(), "disk file system");
		assertFalse(device(0x12).isPipeOrMailslot(), "network file system");
	}

	@Test
	void rejectsAShortBuffer() {
		assertThrows(IllegalArgumentException.class, () -> DeviceInformation.decode(ByteBuffer.allocate(4)));
	}
}
