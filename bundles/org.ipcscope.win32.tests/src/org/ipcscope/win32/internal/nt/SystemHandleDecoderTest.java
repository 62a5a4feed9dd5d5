package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

class SystemHandleDecoderTest {

	/** SYSTEM_HANDLE_INFORMATION_EX as documented: a 16-byte header, then 40-byte entries. */
	static ByteBuffer table(List<SystemHandle> handles) {
		ByteBuffer buffer = ByteBuffer.allocate(16 + 40 * handles.size() + 7).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putLong(0, handles.size());
		buffer.putLong(8, 0xDEAD);
		for (int i = 0; i < handles.size(); i++) {
			SystemHandle h = handles.get(i);
			int at = 16 + 40 * i;
			buffer.putLong(at, h.object());
			buffer.putLong(at + 8, h.pid());
			buffer.putLong(at + 16, h.handle());
			buffer.putInt(at + 24, h.grantedAccess());
			buffer.putShort(at + 28, (short) 0x7777);
			buffer.putShort(at + 30, (short) h.typeIndex());
			buffer.putInt(at + 32, 0x2);
			buffer.putInt(at + 36, -1);
		}
		return buffer;
	}

	@Test
	void decodesEveryEntry() {
		List<SystemHandle> handles = List.of(new SystemHandle(0xFFFF_9A0C_1234_5670L, 4, 0x1A4, 0x001F0003, 42),
				new SystemHandle(0, 7_000_000_000L, 0x7FFF_FFF0L, 0x0012019F, 0xFFFF));

		assertEquals(handles, SystemHandleDecoder.decode(table(handles).order(ByteOrder.BIG_ENDIAN)));
	}

	@Test
	void anEmptyTable() {
		assertEquals(List.of(), SystemHandleDecoder.decode(table(List.of())));
	}

	@Test
	void rejectsACountTheBufferCannotHold() {
		ByteBuffer buffer = table(List.of(new SystemHandle(0, 1, 4, 0, 1)));
		buffer.putLong(0, 2);

		assertThrows(IllegalArgumentException.class, () -> SystemHandleDecoder.decode(buffer));
		assertThrows(IllegalArgumentException.class, () -> SystemHandleDecoder.decode(ByteBuffer.allocate(8)));
	}

	@Test
	void describesHandleAndAccessInHex() {
		SystemHandle handle = new SystemHandle(0, 12, 0x1a4, 0x12019f, 37);

		assertEquals("handle 0x1A4", handle.describeHandle());
		assertEquals("0x0012019F", handle.describeAccess());
	}
}
