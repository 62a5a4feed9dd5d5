package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class SectionBasicInformationTest {

	@Test
	void readsAttributesAt8AndSizeAt16() {
		ByteBuffer buffer = ByteBuffer.allocate(SectionBasicInformation.SIZE).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putLong(0, 0x1234_5678_0000L);
		buffer.putInt(8, 0x08800000);
		buffer.putInt(12, 0xDEADBEEF);
		buffer.putLong(16, 0x1_0000_3000L);

		assertEquals(new SectionBasicInformation(0x08800000, 0x1_0000_3000L),
				SectionBasicInformation.decode(buffer.order(ByteOrder.BIG_ENDIAN)));
	}

	@Test
	void rejectsAShortBuffer() {
		assertThrows(IllegalArgumentException.class, () -> SectionBasicInformation.decode(ByteBuffer.allocate(16)));
	}
}
