package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.ipcscope.win32.internal.nt.ClientId;
import org.ipcscope.win32.internal.nt.MutantBasicInformation;
import org.junit.jupiter.api.Test;

class MutantBasicInformationTest {

	private static MutantBasicInformation mutant(int count, boolean ownedByCaller, boolean abandoned) {
		ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(0, count);
		buffer.put(4, (byte) (ownedByCaller ? 1 : 0));
		buffer.put(5, (byte) (abandoned ? 1 : 0));
		buffer.putShort(6, (short) 0x5A5A);
		return MutantBasicInformation.decode(buffer);
	}

	@Test
	void freeOwnedRecursivelyAndAbandoned() {
		assertEquals(new MutantBasicInformation(1, false, false), mutant(1, false, false));
		assertEquals("free", mutant(1, false, false).describeState());
		assertEquals("owned (held 1 time(s))", mutant(0, false, false).describeState());
		assertEquals("owned (held 3 time(s))", mutant(-2, true, false).describeState());
		assertEquals("abandoned", mutant(1, false, true).describeState());
	}

	@Test
	void theHolderWhereWindowsTellsIt() {
		// CLIENT_ID from MutantOwnerInformation (Windows 10+; Wine 8 lacks it).
		ByteBuffer buffer = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putLong(0, 4242);
		buffer.putLong(8, 77);
		ClientId holder = ClientId.decode(buffer);

		assertEquals(new ClientId(4242, 77), holder);
		assertEquals(Map.of("State", "owned (held 1 time(s))", "Held by", "pid 4242, thread 77"),
				MutantDescriber.state(mutant(0, false, false), holder).details());
		assertEquals(Map.of("State", "free"), MutantDescriber.state(mutant(1, false, false), new ClientId(0, 0)).details());
		assertEquals(Map.of("State", "free"), MutantDescriber.state(mutant(1, false, false), null).details());
	}

	@Test
	void rejectsShortBuffers() {
		assertThrows(IllegalArgumentException.class, () -> MutantBasicInformation.decode(ByteBuffer.allocate(5)));
		assertThrows(IllegalArgumentException.class, () -> ClientId.decode(ByteBuffer.allocate(8)));
	}
}
