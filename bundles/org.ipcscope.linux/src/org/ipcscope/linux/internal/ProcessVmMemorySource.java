package org.ipcscope.linux.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.SourceGoneException;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Another process's memory, addresses as offsets. process_vm_readv reads without stopping the
 * process; where it is refused (an older kernel, a seccomp filter) /proc/PID/mem is the fallback.
 * A read that meets an unmapped page stops there: the rest of that page is unreadable and the
 * read goes on at the next page, so a gap shows as "??" and nothing throws.
 */
final class ProcessVmMemorySource implements MemorySource {

	private static final int PAGE = 4096;
	private static final int EFAULT = 14;
	private static final int ESRCH = 3;
	private static final int ENOSYS = 38;
	private static final int EPERM = 1;

	interface LibC extends Library {
		LibC INSTANCE = Native.load("c", LibC.class);

		long process_vm_readv(int pid, Pointer local, long localCount, Pointer remote, long remoteCount, long flags);

		long process_vm_writev(int pid, Pointer local, long localCount, Pointer remote, long remoteCount, long flags);
	}

	private final long pid;
	private final boolean writable;
	private boolean useProcMem;

	ProcessVmMemorySource(long pid, boolean writable) {
		this.pid = pid;
		this.writable = writable;
	}

	@Override
	public String name() {
		return "process " + pid;
	}

	/** The address space: the largest user address on x86-64. */
	@Override
	public long size() {
		return 1L << 47;
	}

	@Override
	public MemoryRead read(long offset, int length) throws IOException {
		checkAlive();
		byte[] bytes = new byte[length];
		BitSet unreadable = new BitSet(length);
		int done = 0;
		while (done < length) {
			long address = offset + done;
			int chunk = (int) Math.min(length - done, PAGE - (address & (PAGE - 1)));
			int read = useProcMem ? readProcMem(address, bytes, done, chunk) : readVm(address, bytes, done, chunk);
			if (read < chunk) {
				unreadable.set(done + Math.max(read, 0), done + chunk);
			}
			done += chunk;
		}
		return new MemoryRead(offset, bytes, unreadable);
	}

	private int readVm(long address, byte[] into, int at, int length) throws IOException {
		try (Memory local = new Memory(length); Memory vectors = new Memory(32)) {
			vectors.setPointer(0, local);
			vectors.setLong(8, length);
			vectors.setLong(16, address);
			vectors.setLong(24, length);
			long read = LibC.INSTANCE.process_vm_readv((int) pid, vectors, 1, vectors.share(16), 1, 0);
			if (read < 0) {
				int error = Native.getLastError();
				if (error == EFAULT) {
					return 0;
				}
				if (error == ENOSYS || error == EPERM) {
					useProcMem = true;
					return readProcMem(address, into, at, length);
				}
				throw failure(error);
			}
			local.read(0, into, at, (int) read);
			return (int) read;
		}
	}

	private int readProcMem(long address, byte[] into, int at, int length) throws IOException {
		try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
			mem.seek(address);
			int read = mem.read(into, at, length);
			return Math.max(read, 0);
		} catch (IOException e) {
			// an unmapped page reads as EIO; a vanished process is told by checkAlive
			checkAlive();
			if (!Files.isReadable(Path.of("/proc", Long.toString(pid), "mem"))) {
				throw new IOException(LinuxProcessMemoryProvider.whyNotReadable(pid));
			}
			return 0;
		}
	}

	private IOException failure(int error) throws IOException {
		if (error == ESRCH) {
			return new SourceGoneException("process " + pid + " has exited");
		}
		return new IOException("process_vm_readv on " + pid + " failed (errno " + error + "): "
				+ LinuxProcessMemoryProvider.whyNotReadable(pid));
	}

	private void checkAlive() throws SourceGoneException {
		if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
			throw new SourceGoneException("process " + pid + " has exited");
		}
	}

	@Override
	public boolean canWrite() {
		return writable;
	}

	@Override
	public void write(long offset, byte[] data) throws IOException {
		MemorySource.checkWrite(this, writable, offset, data.length, size());
		checkAlive();
		try (Memory local = new Memory(data.length); Memory vectors = new Memory(32)) {
			local.write(0, data, 0, data.length);
			vectors.setPointer(0, local);
			vectors.setLong(8, data.length);
			vectors.setLong(16, offset);
			vectors.setLong(24, data.length);
			long written = LibC.INSTANCE.process_vm_writev((int) pid, vectors, 1, vectors.share(16), 1, 0);
			if (written != data.length) {
				throw new IOException("Write of " + data.length + " bytes at 0x" + Long.toHexString(offset) + " in process "
						+ pid + " failed (errno " + Native.getLastError() + ")");
			}
		}
	}

	@Override
	public void close() {
		// nothing held: every read is its own system call
	}
}
