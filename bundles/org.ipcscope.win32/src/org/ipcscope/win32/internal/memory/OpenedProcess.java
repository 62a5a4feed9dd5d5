package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.process.ProcessAccessException;
import org.ipcscope.win32.internal.nt.NtStatus;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/**
 * A handle to another process, opened with the rights one task needs, and the small reads the
 * region map makes through it (PEB, TEB, PE headers). Closing it closes the handle.
 */
final class OpenedProcess implements AutoCloseable {

	static final int ERROR_ACCESS_DENIED = 5;
	static final int ERROR_INVALID_PARAMETER = 87;

	private final long pid;
	private final HANDLE handle;
	private boolean closed;

	private OpenedProcess(long pid, HANDLE handle) {
		this.pid = pid;
		this.handle = handle;
	}

	/**
	 * @param access PROCESS_* rights
	 * @param what   what the rights are for, for the message ("reading its memory")
	 * @throws ProcessAccessException when the process does not exist, has exited or refuses
	 */
	static OpenedProcess open(long pid, int access, String what) throws ProcessAccessException {
		if (pid < 0 || pid > 0xFFFFFFFFL) {
			throw new ProcessAccessException("process " + pid + " does not exist: not a process id");
		}
		HANDLE handle = Kernel32.INSTANCE.OpenProcess(access, false, (int) pid);
		if (handle == null) {
			throw new ProcessAccessException(whyNotOpened(pid, Native.getLastError(), what));
		}
		OpenedProcess process = new OpenedProcess(pid, handle);
		Optional<Integer> exitCode = process.exitCode();
		if (exitCode.isPresent()) {
			process.close();
			throw new ProcessAccessException(exited(pid, exitCode.get()));
		}
		return process;
	}

	/** @return OpenProcess's error in the user's words */
	static String whyNotOpened(long pid, int error, String what) {
		return switch (error) {
		case ERROR_INVALID_PARAMETER -> "process " + pid + " does not exist (or has exited)";
		case ERROR_ACCESS_DENIED -> "opening process " + pid + " for " + what
				+ " was refused (access denied): it runs as another user, at a higher integrity level or as a"
				+ " protected process; run IPC Scope as that user or as administrator";
		default -> "process " + pid + " cannot be opened for " + what + ": error " + error;
		};
	}

	static String exited(long pid, int exitCode) {
		return "process " + pid + " has exited (exit code " + Integer.toUnsignedString(exitCode) + ")";
	}

	long pid() {
		return pid;
	}

	HANDLE handle() {
		return handle;
	}

	/** @return the exit code once the process has ended; empty while it runs (or if that cannot be asked) */
	Optional<Integer> exitCode() {
		IntByReference code = new IntByReference();
		if (!Kernel32.INSTANCE.GetExitCodeProcess(handle, code) || code.getValue() == ProcessFunctions.STILL_ACTIVE) {
			return Optional.empty();
		}
		return Optional.of(code.getValue());
	}

	/** @throws SourceGoneException if the process has exited */
	void checkAlive() throws SourceGoneException {
		Optional<Integer> exitCode = exitCode();
		if (exitCode.isPresent()) {
			throw new SourceGoneException(exited(pid, exitCode.get()));
		}
	}

	/** @return the run of pages at {@code address}, or empty past the last one or on failure */
	Optional<MemoryBasicInformation> query(long address) {
		try (Memory info = new Memory(MemoryBasicInformation.SIZE)) {
			long written = ProcessFunctions.INSTANCE.VirtualQueryEx(handle, new Pointer(address), info, info.size());
			if (written < MemoryBasicInformation.SIZE) {
				return Optional.empty();
			}
			return Optional.of(MemoryBasicInformation.decode(info.getByteBuffer(0, info.size())));
		}
	}

	/** Reads into {@code into} at 0; @return the bytes read (ReadProcessMemory reads all or nothing on most systems) */
	long read(long address, Memory into, long length) {
		LongByReference read = new LongByReference();
		if (ProcessFunctions.INSTANCE.ReadProcessMemory(handle, new Pointer(address), into, length, read)) {
			return length;
		}
		return read.getValue();
	}

	/** @return {@code length} bytes at {@code address}, or empty if any could not be read */
	Optional<ByteBuffer> readFully(long address, int length) {
		if (address == 0 || length <= 0) {
			return Optional.empty();
		}
		try (Memory buffer = new Memory(length)) {
			if (read(address, buffer, length) != length) {
				return Optional.empty();
			}
			return Optional.of(ByteBuffer.wrap(buffer.getByteArray(0, length)));
		}
	}

	/** @return the PEB's address, or 0 if it cannot be asked */
	long pebAddress() {
		try (Memory info = new Memory(ProcessBasicInformation.SIZE)) {
			int status = ProcessNtFunctions.INSTANCE.NtQueryInformationProcess(handle,
					ProcessNtFunctions.PROCESS_BASIC_INFORMATION, info, (int) info.size(), new IntByReference());
			if (!NtStatus.isSuccess(status)) {
				return 0;
			}
			return ProcessBasicInformation.decode(info.getByteBuffer(0, info.size())).pebBaseAddress();
		}
	}

	@Override
	public void close() {
		if (!closed) {
			closed = true;
			Kernel32.INSTANCE.CloseHandle(handle);
		}
	}
}
