package org.ipcscope.linux.internal;

import java.io.IOException;
import java.util.BitSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.SourceGoneException;

import com.sun.jna.Pointer;

/**
 * A SysV segment attached to this process (read-only unless writing was asked), read by copying
 * from the attachment: a read touches only the asked pages. Reads never go past the segment's
 * size, and a lock keeps close (shmdt) from pulling the mapping away under a read, which would
 * crash the JVM rather than throw.
 */
final class SysvMemorySource implements MemorySource {

	private final String name;
	private final int shmid;
	private final long size;
	private final boolean writable;
	private final ReadWriteLock lock = new ReentrantReadWriteLock();
	private Pointer address;

	private SysvMemorySource(String name, int shmid, long size, boolean writable, Pointer address) {
		this.name = name;
		this.shmid = shmid;
		this.size = size;
		this.writable = writable;
		this.address = address;
	}

	static SysvMemorySource attach(String name, int shmid, boolean writable) throws IOException {
		ShmStat stat = SysvShm.stat(shmid);
		if (stat == null) {
			throw new SourceGoneException("No SysV segment has id " + shmid);
		}
		return new SysvMemorySource(name, shmid, stat.size(), writable, SysvShm.attach(shmid, writable));
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public long size() throws IOException {
		checkPresent();
		return size;
	}

	@Override
	public MemoryRead read(long offset, int length) throws IOException {
		checkPresent();
		byte[] bytes = new byte[length];
		long from = Math.max(0, offset);
		long to = Math.min(size, offset + length);
		lock.readLock().lock();
		try {
			Pointer base = open();
			if (from < to) {
				base.read(from, bytes, (int) (from - offset), (int) (to - from));
			}
		} finally {
			lock.readLock().unlock();
		}
		BitSet unreadable = new BitSet(length);
		if (from > offset) {
			unreadable.set(0, (int) Math.min(length, from - offset));
		}
		if (to < offset + length) {
			unreadable.set((int) Math.max(0, to - offset), length);
		}
		return new MemoryRead(offset, bytes, unreadable);
	}

	@Override
	public boolean canWrite() {
		return writable;
	}

	@Override
	public void write(long offset, byte[] data) throws IOException {
		checkPresent();
		MemorySource.checkWrite(this, writable, offset, data.length, size);
		lock.readLock().lock();
		try {
			open().write(offset, data, 0, data.length);
		} finally {
			lock.readLock().unlock();
		}
	}

	private Pointer open() throws IOException {
		if (address == null) {
			throw new IOException(name + " is closed");
		}
		return address;
	}

	/** Attached, the segment outlives its removal: tell the user it is gone all the same. */
	private void checkPresent() throws IOException {
		ShmStat stat = SysvShm.stat(shmid);
		if (stat == null || stat.removed()) {
			throw new SourceGoneException(name + " was removed");
		}
	}

	@Override
	public void close() {
		lock.writeLock().lock();
		try {
			if (address != null) {
				SysvShm.detach(address);
				address = null;
			}
		} finally {
			lock.writeLock().unlock();
		}
	}
}
