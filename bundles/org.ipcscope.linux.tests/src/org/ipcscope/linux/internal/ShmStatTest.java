package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** struct shmid_ds laid out as glibc's x86_64 headers say. */
class ShmStatTest {

	@Test
	void decodesSizeModeAndAttachCount() {
		ByteBuffer buffer = ByteBuffer.allocate(ShmStat.STRUCT_SIZE).order(ByteOrder.nativeOrder());
		buffer.putInt(0, 0x1234); // __key
		buffer.putInt(20, 01640); // mode with SHM_DEST
		buffer.putLong(48, 2L * 1024 * 1024 * 1024 + 3); // shm_segsz
		buffer.putLong(88, 2); // shm_nattch
		ShmStat stat = ShmStat.decode(buffer.array());
		assertEquals(2L * 1024 * 1024 * 1024 + 3, stat.size());
		assertEquals(2, stat.attachCount());
		assertTrue(stat.removed());
		buffer.putInt(20, 0640);
		assertFalse(ShmStat.decode(buffer.array()).removed());
	}
}
