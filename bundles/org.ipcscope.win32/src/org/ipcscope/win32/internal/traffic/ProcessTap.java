package org.ipcscope.win32.internal.traffic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRecord.HandleKind;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.win32.internal.sniff.CaptureClock;
import org.ipcscope.win32.internal.sniff.TargetChecks;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.BaseTSD.SIZE_T;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * The capture of one process: ipcscope_capture.dll loaded into it with a remote thread running
 * LoadLibraryW, started with a second one running capture_start, and its ring read from here.
 * Stopping sets the ring's stop flag; the DLL's watchdog then unhooks and unloads it (it does the
 * same by itself if this process ends).
 */
final class ProcessTap {

	/** Only what injecting and watching need. */
	private static final int ACCESS = WinNT.PROCESS_CREATE_THREAD | WinNT.PROCESS_QUERY_INFORMATION
			| WinNT.PROCESS_VM_OPERATION | WinNT.PROCESS_VM_WRITE | WinNT.PROCESS_VM_READ | WinNT.SYNCHRONIZE;
	private static final int ERROR_ACCESS_DENIED = 5;
	private static final int ERROR_INVALID_PARAMETER = 87;
	private static final int ERROR_BUSY = 170;
	private static final int ERROR_ALREADY_EXISTS = 183;
	private static final int REMOTE_THREAD_MS = 10_000;
	private static final int STOP_WAIT_MS = 5_000;
	/** A section over this size is refused: the reader maps it whole into a ByteBuffer. */
	static final long MAX_SECTION = 1L << 30;

	final long pid;
	private final HANDLE process;
	private final HANDLE mapping;
	private final Pointer view;
	private final TrafficRing ring;
	private final CaptureClock clock;
	private final TrafficRequest request;
	private final Map<Long, HandleNames> names = new HashMap<>();
	private boolean released;

	private ProcessTap(long pid, HANDLE process, HANDLE mapping, Pointer view, TrafficRing ring, CaptureClock clock,
			TrafficRequest request) {
		this.pid = pid;
		this.process = process;
		this.mapping = mapping;
		this.view = view;
		this.ring = ring;
		this.clock = clock;
		this.request = request;
	}

	/**
	 * @param watchedPid the process whose end makes the DLL let go by itself: ours, but a test
	 *                   may name another to play IPC Scope being killed
	 * @throws IOException with a message fit to show
	 */
	static ProcessTap attach(long pid, TrafficRequest request, CaptureClock clock, long watchedPid) throws IOException {
		if (pid == ProcessHandle.current().pid()) {
			throw new IOException("Process " + pid + " is IPC Scope itself.");
		}
		HANDLE process = Kernel32.INSTANCE.OpenProcess(ACCESS, false, (int) pid);
		if (process == null) {
			int error = Kernel32.INSTANCE.GetLastError();
			throw new IOException(switch (error) {
			case ERROR_ACCESS_DENIED -> "Windows refused to open process " + pid + " for capture (ERROR_ACCESS_DENIED):"
					+ " it belongs to another user, runs elevated or is protected. Run IPC Scope as that user or as"
					+ " administrator.";
			case ERROR_INVALID_PARAMETER -> "No process " + pid + " (it ended?).";
			default -> "Could not open process " + pid + ": error " + error;
			});
		}
		HANDLE mapping = null;
		Pointer view = null;
		try {
			refuseUnfit(pid, process);
			long size = TrafficRing.sectionSize(request.ringRecords(), request.payloadCap());
			if (size > MAX_SECTION) {
				throw new IOException("The ring buffer would need " + size + " bytes; at most " + MAX_SECTION
						+ " are allowed: ask for fewer records or a smaller payload cap.");
			}
			int nonce = ThreadLocalRandom.current().nextInt() & 0x7fffffff;
			String name = "Local\\ipcscope-capture-" + pid + "-" + Integer.toHexString(nonce);
			mapping = Kernel32.INSTANCE.CreateFileMapping(WinBase.INVALID_HANDLE_VALUE, null, WinNT.PAGE_READWRITE,
					(int) (size >>> 32), (int) size, name);
			int error = Kernel32.INSTANCE.GetLastError();
			if (mapping == null || error == ERROR_ALREADY_EXISTS) {
				// one that exists already was made by someone else: never hand a target a ring we did not lay out
				throw new IOException("Could not create the capture's section " + name + ": error " + error);
			}
			view = Kernel32.INSTANCE.MapViewOfFile(mapping, WinNT.SECTION_MAP_READ | WinNT.SECTION_MAP_WRITE, 0, 0, 0);
			if (view == null) {
				throw new IOException("Could not map the capture's section: error " + Kernel32.INSTANCE.GetLastError());
			}
			TrafficRing ring = TrafficRing.create(view.getByteBuffer(0, size), request.ringRecords(),
					request.payloadCap(), Filters.kinds(request), Filters.ntName(request), watchedPid);
			ProcessTap tap = new ProcessTap(pid, process, mapping, view, ring, clock, request);
			tap.inject(nonce);
			return tap;
		} catch (IOException | RuntimeException e) {
			if (view != null) {
				Kernel32.INSTANCE.UnmapViewOfFile(view);
			}
			if (mapping != null) {
				Kernel32.INSTANCE.CloseHandle(mapping);
			}
			Kernel32.INSTANCE.CloseHandle(process);
			throw e;
		}
	}

	/** The sniffer's refusals: a higher integrity level, another bitness. */
	private static void refuseUnfit(long pid, HANDLE process) throws IOException {
		int ours = TargetChecks.integrityLevel(Kernel32.INSTANCE.GetCurrentProcess());
		int theirs = TargetChecks.integrityLevel(process);
		if (ours != TargetChecks.UNKNOWN && theirs != TargetChecks.UNKNOWN && theirs > ours) {
			throw new IOException("Process " + pid + " runs at " + TargetChecks.levelName(theirs) + " integrity, IPC Scope"
					+ " at " + TargetChecks.levelName(ours) + ": Windows does not let a lower level load a DLL into it."
					+ " Run IPC Scope as administrator (elevated) to capture it.");
		}
		IntByReference wow64 = new IntByReference();
		if (Kernel32.INSTANCE.IsWow64Process(process, wow64) && wow64.getValue() != 0) {
			throw new IOException("Process " + pid + " is a 32-bit process: capture needs a 32-bit"
					+ " ipcscope_capture.dll, which this build does not have.");
		}
	}

	private void inject(int nonce) throws IOException {
		CaptureDll dll = CaptureDll.load();
		byte[] path = (dll.file.toString() + "\0").getBytes(StandardCharsets.UTF_16LE);
		Pointer remote = Kernel32.INSTANCE.VirtualAllocEx(process, null, new SIZE_T(path.length),
				WinNT.MEM_COMMIT | WinNT.MEM_RESERVE, WinNT.PAGE_READWRITE);
		if (remote == null) {
			throw new IOException("Could not allocate memory in process " + pid + ": error "
					+ Kernel32.INSTANCE.GetLastError());
		}
		try (Memory local = new Memory(path.length)) {
			local.write(0, path, 0, path.length);
			if (!Kernel32.INSTANCE.WriteProcessMemory(process, remote, local, path.length, null)) {
				throw new IOException("Could not write to process " + pid + ": error " + Kernel32.INSTANCE.GetLastError());
			}
			runRemote(dll.loadLibrary, Pointer.nativeValue(remote), "load " + CaptureDll.FILE_NAME);
		} finally {
			Kernel32.INSTANCE.VirtualFreeEx(process, remote, new SIZE_T(0), WinNT.MEM_RELEASE);
		}
		long base = moduleBase(dll.file);
		if (base == 0) {
			throw new IOException("Windows did not load " + CaptureDll.FILE_NAME + " into process " + pid
					+ " (protected, or it refuses remote threads).");
		}
		int result = runRemote(base + dll.startOffset, nonce, "start the capture in");
		if (result != 0) {
			// the DLL did not take over its own unloading: give back the reference LoadLibraryW took
			runRemote(dll.freeLibrary, base, "unload " + CaptureDll.FILE_NAME + " from");
			throw new IOException(result == ERROR_BUSY
					? "An earlier capture of process " + pid + " is still letting go of it (a call it hooked has not"
							+ " returned yet); try again when that call has returned."
					: "The capture could not start in process " + pid + ": error " + result);
		}
		if (ring.state() != TrafficRing.ATTACHED) {
			throw new IOException("The capture did not start in process " + pid + ": state " + ring.state());
		}
	}

	/** Runs {@code function(parameter)} on a new thread in the target and returns its exit code. */
	private int runRemote(long function, long parameter, String what) throws IOException {
		HANDLE thread = RemoteCalls.INSTANCE.CreateRemoteThread(process, null, 0, new Pointer(function),
				new Pointer(parameter), 0, null);
		if (thread == null) {
			throw new IOException("Could not " + what + " process " + pid + ": CreateRemoteThread failed with error "
					+ Kernel32.INSTANCE.GetLastError());
		}
		try {
			if (Kernel32.INSTANCE.WaitForSingleObject(thread, REMOTE_THREAD_MS) != WinBase.WAIT_OBJECT_0) {
				throw new IOException("Could not " + what + " process " + pid + ": its thread did not end in "
						+ REMOTE_THREAD_MS / 1000 + " s (is the process suspended?).");
			}
			IntByReference code = new IntByReference();
			Kernel32.INSTANCE.GetExitCodeThread(thread, code);
			return code.getValue();
		} finally {
			Kernel32.INSTANCE.CloseHandle(thread);
		}
	}

	/** @return where the DLL's file is loaded in the target, 0 if it is not */
	private long moduleBase(Path file) {
		IntByReference needed = new IntByReference();
		try (Memory modules = new Memory(4096 * 8)) {
			if (!RemoteCalls.INSTANCE.K32EnumProcessModulesEx(process, modules, (int) modules.size(), needed,
					RemoteCalls.LIST_MODULES_ALL)) {
				return 0;
			}
			char[] name = new char[32768];
			String wanted = file.toString();
			for (int i = 0; i < Math.min(needed.getValue(), (int) modules.size()) / 8; i++) {
				Pointer module = modules.getPointer(i * 8L);
				int length = RemoteCalls.INSTANCE.K32GetModuleFileNameExW(process, module, name, name.length);
				String path = new String(name, 0, Math.max(0, length));
				if (path.equalsIgnoreCase(wanted) || path.toLowerCase().endsWith(
						("\\" + file.getParent().getFileName() + "\\" + CaptureDll.FILE_NAME).toLowerCase())) {
					return Pointer.nativeValue(module);
				}
			}
		}
		return 0;
	}

	int patched() {
		return ring.patched();
	}

	/** @return the DLL's state: {@link TrafficRing#ATTACHED} while it records */
	int state() {
		return ring.state();
	}

	int retargeted() {
		return ring.retargeted();
	}

	/** @return the calls that were already waiting at the start and are recorded when they return */
	int inflight() {
		return ring.inflight();
	}

	long dropped() {
		return ring.dropped();
	}

	/** @return whether the target has ended */
	boolean exited() {
		return Kernel32.INSTANCE.WaitForSingleObject(process, 0) == WinBase.WAIT_OBJECT_0;
	}

	int exitCode() {
		IntByReference code = new IntByReference();
		Kernel32.INSTANCE.GetExitCodeProcess(process, code);
		return code.getValue();
	}

	/**
	 * Hands what the DLL recorded to {@code sink} as records numbered 0 (the session numbers them).
	 *
	 * @return how many ring entries were read
	 */
	int poll(Consumer<TrafficRecord> sink) {
		return ring.poll(entry -> {
			if (entry.op() == TrafficRing.OP_INFO) {
				names.put(entry.handle(), HandleNames.of(entry.payload()));
				return;
			}
			TrafficOp op = CallNames.op(entry.op());
			HandleNames handle = names.getOrDefault(entry.handle(), new HandleNames(null, null));
			if (op == null || (handle.kind() != null && !request.wants(handle.kind(), handle.name()))) {
				return; // a socket outside the object asked for: the DLL filters pipes and mailslots itself
			}
			sink.accept(new TrafficRecord(0, clock.epochMicros(entry.counterMicros()), pid, entry.tid(), entry.handle(),
					HandleKind.HANDLE, handle.name(), op, CallNames.call(entry.call()), entry.requested(),
					Math.max(entry.transferred(), entry.payload().length), entry.status(),
					CallNames.error(entry.status()), entry.payload()));
		});
	}

	/**
	 * Asks the DLL to unhook and unload, waits for it (or for the target's end), and lets go of the
	 * section; {@code sink} gets what was recorded until then.
	 *
	 * @return how the target was left, in words
	 */
	String stop(Consumer<TrafficRecord> sink) {
		if (released) {
			return "already released";
		}
		ring.requestStop();
		long deadline = System.nanoTime() + STOP_WAIT_MS * 1_000_000L;
		int state = ring.state();
		while (state == TrafficRing.ATTACHED && !exited() && System.nanoTime() < deadline) {
			poll(sink);
			Kernel32.INSTANCE.WaitForSingleObject(process, 5);
			state = ring.state();
		}
		poll(sink);
		String how = switch (state) {
		case TrafficRing.UNLOADED -> "unhooked; " + CaptureDll.FILE_NAME + " unloaded";
		case TrafficRing.DRAINING -> "unhooked; " + CaptureDll.FILE_NAME + " unloads itself once the calls still"
				+ " waiting inside its hooks return";
		case TrafficRing.PINNED -> "unhooked; " + CaptureDll.FILE_NAME + " stays loaded, passing calls on, because the"
				+ " program asked GetProcAddress for a hooked function while it was captured";
		default -> exited() ? "the process ended" : "the DLL did not answer in " + STOP_WAIT_MS / 1000
				+ " s; it unhooks itself when it sees the stop request or IPC Scope's end";
		};
		release();
		return how;
	}

	/** Lets go of the section and the process handle without asking anything of the target. */
	void release() {
		if (released) {
			return;
		}
		released = true;
		Kernel32.INSTANCE.UnmapViewOfFile(view);
		Kernel32.INSTANCE.CloseHandle(mapping);
		Kernel32.INSTANCE.CloseHandle(process);
	}
}
