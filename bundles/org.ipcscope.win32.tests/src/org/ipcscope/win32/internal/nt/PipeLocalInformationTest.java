package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class PipeLocalInformationTest {

	@Test
	void readsTheTenUlongsInOrder() {
		ByteBuffer buffer = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		int[] values = { 1, 2, -1, 3, 4096, 7, 2048, 2041, 3, 1 };
		for (int i = 0; i < values.length; i++) {
			buffer.putInt(4 * i, values[i]);
		}

		PipeLocalInformation info = PipeLocalInformation.decode(buffer);

		assertEquals(new PipeLocalInformation(1, 2, 0xFFFFFFFFL, 3, 4096, 7, 2048, 2041, 3, 1), info);
		assertTrue(info.isServerEnd());
		assertEquals("message", info.describeType());
		assertEquals("duplex", info.describeConfiguration());
		assertEquals("connected", info.describeState());
		assertEquals("unlimited", PipeLocalInformation.describeInstances(info.maximumInstances()));
		assertEquals("3", PipeLocalInformation.describeInstances(info.currentInstances()));
	}

	@Test
	void clientEndAndListeningState() {
		ByteBuffer buffer = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(32, 2);
		buffer.putInt(36, 0);

		PipeLocalInformation info = PipeLocalInformation.decode(buffer);

		assertEquals("listening", info.describeState());
		assertEquals("byte", info.describeType());
		assertEquals(false, info.isServerEnd());
	}

	@Test
	void rejectsAShortBuffer() {
		assertThrows(IllegalArgumentException.class, () -> PipeLocalInformation.decode(ByteBuffer.allocate(36)));
	}
}
