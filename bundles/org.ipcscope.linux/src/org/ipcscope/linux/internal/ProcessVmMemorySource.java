package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * process, one system call for a whole range straight into the caller's direct buffer; where it is
 * refused (an older kernel, a seccomp filter) /proc/PID/mem is the fallback. A read that meets a
 * page it cannot read stops there: that page is unreadable and the read goes on at the next page
 * with one big read again, so a gap shows as "??" and nothing throws.
 */
final class ProcessVmMemorySource implements MemorySource {

	private static final int PAGE = 4096;
	private static final int EFAULT = 14;
	private static final int ESRCH = 3;
	private static final int ENOSYS = 38;
	private static final int EPERM = 1;

	interface LibC extends Library {
		LibC INSTANCE = Native.load("c", LibC.class);

		/** The iovec arrays are {base, length} pairs. */
		long process_vm_readv(int pid, long[] local, long localCount, long[] remote, long remoteCount, long flags);

		long process_vm_writev(int pid, long[] local, long localCount, long[] remote, long remoteCount, long flags);
	}

	private final long pid;
	private final boolean writable;
	private volatile boolean useProcMem;
	private FileChannel procMem;

	ProcessVmMemorySource(long pid, boolean writable) {
		this(pid, writable, false);
	}

	/** @param procMemOnly to read through /proc/PID/mem from the start, as where process_vm_readv is refused */
	ProcessVmMemorySource(long pid, boolean writable, boolean procMemOnly) {
		this.pid = pid;
		this.writable = writable;
		this.useProcMem = procMemOnly;
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
		byte[] bytes = new byte[length];
		try (Memory local = new Memory(Math.max(length, 1))) {
			ByteBuffer buffer = local.getByteBuffer(0, length);
			BitSet unreadable = read(offset, buffer);
			buffer.get(0, bytes);
			return new MemoryRead(offset, bytes, unreadable);
		}
	}

	@Override
	public BitSet read(long offset, ByteBuffer into) throws IOException {
		checkAlive();
		if (!into.isDirect()) {
			// process_vm_readv writes to native memory only
			try (Memory local = new Memory(Math.max(into.remaining(), 1))) {
				ByteBuffer direct = local.getByteBuffer(0, into.remaining());
				BitSet unreadable = read(offset, direct);
				into.put(into.position(), direct, 0, direct.capacity());
				return unreadable;
			}
		}
		int length = into.remaining();
		BitSet unreadable = new BitSet();
		long base = Pointer.nativeValue(Native.getDirectBufferPointer(into)) + into.position();
		for (int done = 0; done < length;) {
			long address = offset + done;
			long read = useProcMem ? readProcMem(address, into, into.position() + done, length - done)
					: readVm(address, base + done, into, done, length - done);
			if (read > 0) {
				done += (int) read;
			} else {
				int skip = (int) Math.min(length - done, PAGE - (address & (PAGE - 1)));
				unreadable.set(done, done + skip);
				for (int i = 0; i < skip; i++) {
					into.put(into.position() + done + i, (byte) 0);
				}
				done += skip;
			}
		}
		return unreadable;
	}

	/** @return bytes read from {@code address}, 0 if its page cannot be read */
	private long readVm(long address, long local, ByteBuffer into, int at, int length) throws IOException {
		long read = LibC.INSTANCE.process_vm_readv((int) pid, new long[] { local, length }, 1,
				new long[] { address, length }, 1, 0);
		if (read >= 0) {
			return read;
		}
		int error = Native.getLastError();
		if (error == EFAULT) {
			return 0;
		}
		if (error == ENOSYS || error == EPERM) {
			useProcMem = true;
			return readProcMem(address, into, into.position() + at, length);
		}
		throw failure(error);
	}

	private long readProcMem(long address, ByteBuffer into, int index, int length) throws IOException {
		try {
			return Math.max(0, procMem().read(into.slice(index, length), address));
		} catch (IOException e) {
			// an unmapped page reads as EIO; a vanished process is told by checkAlive
			checkAlive();
			if (!Files.isReadable(Path.of("/proc", Long.toString(pid), "mem"))) {
				throw new IOException(LinuxProcessMemoryProvider.whyNotReadable(pid));
			}
			return 0;
		}
	}

	private synchronized FileChannel procMem() throws IOException {
		if (procMem == null) {
			procMem = FileChannel.open(Path.of("/proc", Long.toString(pid), "mem"));
		}
		return procMem;
	}

	private IOException failure(int error) {
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

	/** Each read is its own process_vm_readv (or positional read of /proc/PID/mem) with no shared state. */
	@Override
	public boolean readsConcurrently() {
		return true;
	}

	@Override
	public boolean canWrite() {
		return writable;
	}

	@Override
	public void write(long offset, byte[] data) throws IOException {
		MemorySource.checkWrite(this, writable, offset, data.length, size());
		checkAlive();
		try (Memory local = new Memory(data.length)) {
			local.write(0, data, 0, data.length);
			long written = LibC.INSTANCE.process_vm_writev((int) pid, new long[] { Pointer.nativeValue(local), data.length },
					1, new long[] { offset, data.length }, 1, 0);
			if (written != data.length) {
				throw new IOException("Write of " + data.length + " bytes at 0x" + Long.toHexString(offset) + " in process "
						+ pid + " failed (errno " + Native.getLastError() + ")");
			}
		}
	}

	@Override
	public synchronized void close() throws IOException {
		if (procMem != null) {
			procMem.close();
		}
	}
}
