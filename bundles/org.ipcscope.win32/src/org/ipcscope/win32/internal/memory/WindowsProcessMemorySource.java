package org.ipcscope.win32.internal.memory;

import java.io.IOException;
import java.util.BitSet;
import java.util.Optional;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

/**
 * Another process's memory, addresses as offsets. A read asks VirtualQueryEx for the runs of
 * pages it covers and reads only committed, readable runs (never a guard page: touching one would
 * take the guard away from a thread's stack); each run is one ReadProcessMemory. Where that fails
 * (ERROR_PARTIAL_COPY: pages decommitted or protected meanwhile) the run is read page by page, and
 * the pages that still fail are unreadable. A gap reads as "??", never as an error.
 */
final class WindowsProcessMemorySource implements MemorySource {

	static final int PAGE = 4096;
	/** The end of the user address space on x64 (128 TiB). */
	static final long ADDRESS_SPACE = 1L << 47;

	private final OpenedProcess process;
	private final String name;
	private final boolean writable;
	private Memory buffer = new Memory(PAGE);
	private boolean closed;

	WindowsProcessMemorySource(OpenedProcess process, String name, boolean writable) {
		this.process = process;
		this.name = name;
		this.writable = writable;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public long size() {
		return ADDRESS_SPACE;
	}

	@Override
	public synchronized MemoryRead read(long offset, int length) throws IOException {
		checkOpen();
		process.checkAlive();
		byte[] bytes = new byte[length];
		BitSet unreadable = new BitSet(length);
		unreadable.set(0, length);
		long end = offset + length;
		long at = offset;
		while (at < end) {
			Optional<MemoryBasicInformation> run = process.query(at);
			if (run.isEmpty()) {
				// past the user address space, or the process went away meanwhile
				process.checkAlive();
				break;
			}
			long runEnd = Math.min(end, run.get().end());
			if (runEnd <= at) {
				break;
			}
			if (run.get().isReadable()) {
				readRun(at, (int) (at - offset), (int) (runEnd - at), bytes, unreadable);
			}
			at = runEnd;
		}
		return new MemoryRead(offset, bytes, unreadable);
	}

	private void readRun(long address, int index, int length, byte[] into, BitSet unreadable) throws IOException {
		Memory local = buffer(length);
		if (process.read(address, local, length) == length) {
			local.read(0, into, index, length);
			unreadable.clear(index, index + length);
			return;
		}
		process.checkAlive();
		readPages(address, index, length, into, unreadable);
	}

	/** The fallback of a failed read: each page alone, so that one bad page costs only itself. */
	private void readPages(long address, int index, int length, byte[] into, BitSet unreadable) {
		Memory local = buffer(PAGE);
		int done = 0;
		while (done < length) {
			long at = address + done;
			int chunk = (int) Math.min(length - done, PAGE - (at & (PAGE - 1)));
			if (process.read(at, local, chunk) == chunk) {
				local.read(0, into, index + done, chunk);
				unreadable.clear(index + done, index + done + chunk);
			}
			done += chunk;
		}
	}

	/**
	 * Reads as if [offset, offset + length) were one readable run, without asking VirtualQueryEx:
	 * one ReadProcessMemory, page by page where it fails. For tests of the fallback.
	 */
	synchronized MemoryRead readUnguided(long offset, int length) throws IOException {
		byte[] bytes = new byte[length];
		BitSet unreadable = new BitSet(length);
		unreadable.set(0, length);
		readRun(offset, 0, length, bytes, unreadable);
		return new MemoryRead(offset, bytes, unreadable);
	}

	private Memory buffer(int length) {
		if (buffer.size() < length) {
			buffer.close();
			buffer = new Memory(Math.max(length, buffer.size() * 2));
		}
		return buffer;
	}

	@Override
	public boolean canWrite() {
		return writable;
	}

	@Override
	public synchronized void write(long offset, byte[] data) throws IOException {
		checkOpen();
		MemorySource.checkWrite(this, writable, offset, data.length, size());
		process.checkAlive();
		Memory local = buffer(Math.max(1, data.length));
		local.write(0, data, 0, data.length);
		LongByReference written = new LongByReference();
		if (!ProcessFunctions.INSTANCE.WriteProcessMemory(process.handle(), new Pointer(offset), local, data.length,
				written) || written.getValue() != data.length) {
			int error = Native.getLastError();
			process.checkAlive();
			throw new IOException(String.format("Write of %d bytes at 0x%x in process %d failed: error %d%s",
					data.length, offset, process.pid(), error, error == 299 ? " (the pages are not all committed)" : ""));
		}
	}

	private void checkOpen() throws IOException {
		if (closed) {
			throw new IOException(name + " is closed");
		}
	}

	@Override
	public synchronized void close() {
		if (!closed) {
			closed = true;
			buffer.close();
			process.close();
		}
	}
}
