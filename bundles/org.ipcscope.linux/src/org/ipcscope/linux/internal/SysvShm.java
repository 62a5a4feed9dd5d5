package org.ipcscope.linux.internal;

import java.io.IOException;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The SysV shared memory calls of libc, with errors as exceptions that say what failed. */
final class SysvShm {

	static final int IPC_STAT = 2;
	static final int SHM_RDONLY = 010000;
	private static final int EINVAL = 22;
	private static final int EIDRM = 43;
	private static final int ENOENT = 2;

	interface LibC extends Library {
		int shmget(int key, long size, int flags);

		Pointer shmat(int shmid, Pointer address, int flags);

		int shmdt(Pointer address);

		int shmctl(int shmid, int command, byte[] buffer);

		String strerror(int errno);
	}

	private static volatile LibC libc;

	private SysvShm() {
	}

	static LibC libc() {
		LibC loaded = libc;
		if (loaded == null) {
			loaded = Native.load("c", LibC.class);
			libc = loaded;
		}
		return loaded;
	}

	/** @return the segment's state, or {@code null} if no segment has this id any more */
	static ShmStat stat(int shmid) throws IOException {
		byte[] buffer = new byte[ShmStat.STRUCT_SIZE];
		if (libc().shmctl(shmid, IPC_STAT, buffer) != 0) {
			int errno = Native.getLastError();
			if (errno == EINVAL || errno == EIDRM) {
				return null;
			}
			throw failure("shmctl(" + shmid + ", IPC_STAT)", errno);
		}
		return ShmStat.decode(buffer);
	}

	/** @return the id of the segment with this key, or -1 if there is none */
	static int idOfKey(int key) throws IOException {
		int id = libc().shmget(key, 0, 0);
		if (id < 0) {
			int errno = Native.getLastError();
			if (errno == ENOENT) {
				return -1;
			}
			throw failure(String.format("shmget(0x%08x)", key), errno);
		}
		return id;
	}

	static Pointer attach(int shmid, boolean writable) throws IOException {
		Pointer address = libc().shmat(shmid, null, writable ? 0 : SHM_RDONLY);
		if (address == null || Pointer.nativeValue(address) == -1) {
			throw failure("shmat(" + shmid + (writable ? ")" : ", SHM_RDONLY)"), Native.getLastError());
		}
		return address;
	}

	static void detach(Pointer address) {
		libc().shmdt(address);
	}

	private static IOException failure(String call, int errno) {
		return new IOException(call + " failed: " + libc().strerror(errno) + " (errno " + errno + ")");
	}
}
