package org.ipcscope.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What shmctl(IPC_STAT) says of a SysV segment, decoded from struct shmid_ds as glibc lays it out
 * on x86_64 (bits/types/struct_shmid_ds.h, bits/ipc-perm.h): shm_perm.mode at 20 (a 32-bit
 * mode_t), shm_segsz at 48, shm_nattch at 88, 112 bytes in all.
 *
 * @param size        bytes in the segment
 * @param mode        permissions and the SHM_DEST/SHM_LOCKED flags
 * @param attachCount processes attached
 */
record ShmStat(long size, int mode, long attachCount) {

	static final int STRUCT_SIZE = 112;
	private static final int MODE = 20;
	private static final int SEGSZ = 48;
	private static final int NATTCH = 88;
	/** IPC_RMID was asked; the segment lives on only while attached. */
	static final int SHM_DEST = 01000;

	static ShmStat decode(byte[] shmidDs) {
		ByteBuffer buffer = ByteBuffer.wrap(shmidDs).order(ByteOrder.nativeOrder());
		return new ShmStat(buffer.getLong(SEGSZ), buffer.getInt(MODE), buffer.getLong(NATTCH));
	}

	/** @return whether the segment was removed and lives on only for those still attached */
	boolean removed() {
		return (mode & SHM_DEST) != 0;
	}
}
