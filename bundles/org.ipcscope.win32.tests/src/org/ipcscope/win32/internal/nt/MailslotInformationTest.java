package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class MailslotInformationTest {

	@Test
	void readsSizesCountAndSkipsTheTimeout() {
		ByteBuffer buffer = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(0, 424);
		buffer.putInt(4, 8192);
		buffer.putInt(8, 17);
		buffer.putInt(12, 4);
		buffer.putLong(16, -1);

		MailslotInformation info = MailslotInformation.decode(buffer.order(ByteOrder.BIG_ENDIAN));

		assertEquals(new MailslotInformation(424, 8192, 17, 4), info);
		assertEquals("424 bytes", info.describeMaximumMessageSize());
		assertEquals("17 bytes", info.describeNextMessageSize());
	}

	@Test
	void noMessageAndAnySize() {
		ByteBuffer buffer = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(8, -1);

		MailslotInformation info = MailslotInformation.decode(buffer);

		assertEquals("any", info.describeMaximumMessageSize());
		assertEquals("none waiting", info.describeNextMessageSize());
		assertEquals(0, info.messagesAvailable());
	}

	@Test
	void rejectsAShortBuffer() {
		assertThrows(IllegalArgumentException.class, () -> MailslotInformation.decode(ByteBuffer.allocate(16)));
	}
}
