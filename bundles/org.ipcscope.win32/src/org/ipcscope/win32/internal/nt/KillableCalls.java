package org.ipcscope.win32.internal.nt;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Runs native calls that may block forever on a thread this process can kill. Questions about a
 * foreign File handle (its name, its device, pipe and mailslot information) wait for the file
 * object's lock while its owner sits in a synchronous ConnectNamedPipe or ReadFile, for ever.
 * A JVM thread stuck there cannot be stopped; so, like System Informer, these calls run on a
 * native thread that never enters the JVM: a routine of our DLL (native/killable_calls.c, built without a C runtime)
 * call ntdll directly, and a call that does not return in time gets its thread terminated. The
 * routine holds no lock of this process, so nothing is left locked.
 * <p>
 * Calls are made in batches, one thread for many calls: the thread publishes its progress, and a
 * new thread picks up after a killed one.
 */
public final class KillableCalls {

	/** What a call that was stopped "returns". */
	public static final int TIMED_OUT = NtStatus.IO_TIMEOUT;
	/** What a call that could not be started "returns" (no thread, no executable memory). */
	static final int NOT_RUN = NtStatus.UNSUCCESSFUL;
	static final int MAX_ARGUMENTS = 5;

	private static final int HEADER = 24;
	private static final int RECORD = 56;
	private static final int RESULT = 48;
	private static final int POLL_MS = 5;
	/** Thread start runs the DLLs' thread-attach code; it is never killed, only waited for. */
	private static final long START_LIMIT_NANOS = Duration.ofSeconds(30).toNanos();

	private static Pointer code;

	/** One call: a native function and up to five integer or pointer arguments. */
	public record Call(Pointer function, long... arguments) {

		public Call {
			if (arguments.length > MAX_ARGUMENTS) {
				throw new IllegalArgumentException("at most " + MAX_ARGUMENTS + " arguments");
			}
		}
	}

	private final Duration perCall;
	private int killed;

	/** @param perCall how long one call may take before its thread is terminated */
	public KillableCalls(Duration perCall) {
		this.perCall = perCall;
	}

	/** @return the ntdll export {@code name}, to pass to {@link Call} */
	public static Pointer ntdll(String name) {
		return NativeLibrary.getInstance("ntdll").getFunction(name);
	}

	public static Pointer kernel32(String name) {
		return NativeLibrary.getInstance("kernel32").getFunction(name);
	}

	static long address(Pointer pointer) {
		return Pointer.nativeValue(pointer);
	}

	public static long address(HANDLE handle) {
		return Pointer.nativeValue(handle.getPointer());
	}

	/** @return how many calls this instance has stopped so far */
	int killed() {
		return killed;
	}

	/**
	 * Makes the calls in order; buffers the calls point to must stay reachable until this returns.
	 *
	 * @return each call's 32-bit result (an NTSTATUS for ntdll calls), {@link #TIMED_OUT} for calls
	 *         that were stopped, {@link #NOT_RUN} for calls that could not be started
	 */
	public int[] run(List<Call> calls) {
		int[] results = new int[calls.size()];
		if (calls.isEmpty()) {
			return results;
		}
		Pointer routine = routine();
		Memory block = block(calls);
		int next = 0;
		while (next < calls.size()) {
			if (routine == null) {
				fill(results, next, NOT_RUN);
				break;
			}
			block.setLong(8, next);
			block.setLong(16, 0);
			int stopped = runFrom(routine, block);
			if (stopped == -2) {
				fill(results, next, NOT_RUN);
				break;
			}
			if (stopped < 0) {
				break;
			}
			results[stopped] = TIMED_OUT;
			killed++;
			next = stopped + 1;
		}
		for (int i = 0; i < calls.size(); i++) {
			if (results[i] == 0) {
				results[i] = block.getInt(HEADER + (long) RECORD * i + RESULT);
			}
		}
		return results;
	}

	/** @return -1 when every call returned, -2 if no thread could run, else the index of the call that was stopped */
	private int runFrom(Pointer routine, Memory block) {
		HANDLE thread = KernelFunctions.INSTANCE.CreateThread(null, 0, routine, block, 0, null);
		if (thread == null) {
			return -2;
		}
		try {
			return watch(thread, block);
		} finally {
			Kernel32.INSTANCE.CloseHandle(thread);
		}
	}

	private int watch(HANDLE thread, Memory block) {
		long started = System.nanoTime();
		long index = -1;
		long deadline = 0;
		while (true) {
			if (Kernel32.INSTANCE.WaitForSingleObject(thread, POLL_MS) == WinBase.WAIT_OBJECT_0) {
				return -1;
			}
			long now = System.nanoTime();
			if (block.getLong(16) == 0) {
				if (now - started > START_LIMIT_NANOS) {
					// Stuck before our code ran: killing it could leave the loader lock held.
					return -2;
				}
				continue;
			}
			long progress = block.getLong(8);
			if (progress != index) {
				index = progress;
				deadline = now + perCall.toNanos();
			} else if (now - deadline > 0) {
				KernelFunctions.INSTANCE.TerminateThread(thread, NtStatus.IO_TIMEOUT);
				Kernel32.INSTANCE.WaitForSingleObject(thread, WinBase.INFINITE);
				return (int) index;
			}
		}
	}

	private static Memory block(List<Call> calls) {
		Memory block = new Memory(HEADER + (long) RECORD * calls.size());
		block.clear();
		block.setLong(0, calls.size());
		for (int i = 0; i < calls.size(); i++) {
			long record = HEADER + (long) RECORD * i;
			Call call = calls.get(i);
			block.setLong(record, Pointer.nativeValue(call.function()));
			for (int a = 0; a < call.arguments().length; a++) {
				block.setLong(record + 8 + 8L * a, call.arguments()[a]);
			}
		}
		return block;
	}

	private static void fill(int[] results, int from, int value) {
		for (int i = from; i < results.length; i++) {
			results[i] = value;
		}
	}

	/** @return the executable copy of {@link #CODE}, made once; null where it cannot run */
	/** @return the routine in ipcscope_win32.dll, loaded once; null where it cannot run */
	private static synchronized Pointer routine() {
		if (code == null && Platform.isWindows() && Platform.is64Bit() && Platform.isIntel()) {
			try {
				// the DLL is built into this bundle (native/killable_calls.c); JNA extracts it from here
				code = NativeLibrary.getInstance(LIBRARY,
						Map.of(Library.OPTION_CLASSLOADER, KillableCalls.class.getClassLoader()))
						.getFunction("killable_calls");
			} catch (UnsatisfiedLinkError e) {
				code = null;
			}
		}
		return code;
	}

	/** The library holding the routine, for the tests. */
	static final String LIBRARY = "ipcscope_win32";
}
