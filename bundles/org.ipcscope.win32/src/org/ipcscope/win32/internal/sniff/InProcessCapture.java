package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.MessageSelection;
import org.ipcscope.core.sniff.WindowInfo;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/**
 * The in-process strategy: ipcscope_copydata.dll subclasses the target from inside its own
 * thread (sent messages) and hooks that thread's message queue (posted messages), and copies each
 * message the ring's bitmap asks for into a ring in a shared section; this side reads the ring
 * and keeps what the selection accepts once registered names are resolved.
 * One thread does everything that must happen on one thread: it installs the hook, polls, and
 * on stop asks the DLL to restore the window procedure, then removes the hook.
 */
final class InProcessCapture extends CaptureThread {

	/** A section over this size is refused: the reader maps it whole into a ByteBuffer. */
	static final long MAX_SECTION = 1L << 30;
	private static final int CONTROL_TIMEOUT_MS = 10_000;
	private static final long LIVENESS_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private final int nonce = ThreadLocalRandom.current().nextInt() & 0x7fffffff;

	private volatile boolean stopRequested;
	private volatile long dropped;
	private int controlMessage;
	private HANDLE mapping;
	private Pointer view;
	private CopyDataRing ring;
	private Pointer hook;
	private boolean attached;
	private final MessageNames names = new MessageNames();
	private volatile List<String> limits = List.of();

	private InProcessCapture(WindowInfo target, CaptureOptions options, CaptureListener listener, Runnable onEnd) {
		super(CaptureStrategy.IN_PROCESS, target, options, listener, onEnd, 0);
	}

	static InProcessCapture start(WindowInfo target, CaptureOptions options, CaptureListener listener, Runnable onEnd)
			throws IOException {
		InProcessCapture capture = new InProcessCapture(target, options, listener, onEnd);
		capture.begin(60);
		return capture;
	}

	/** The section's name; the DLL derives the same from its own pid, the window and the nonce. */
	static String sectionName(long pid, long hwnd, int nonce) {
		return "Local\\ipcscope-copydata-" + pid + "-" + Long.toHexString(hwnd) + "-" + Integer.toHexString(nonce);
	}

	@Override
	void takeOver() throws IOException {
		long size = CopyDataRing.sectionSize(options.ringSlots(), options.payloadCap());
		if (size > MAX_SECTION) {
			throw new IOException("The ring buffer would need " + size + " bytes (" + options.ringSlots() + " slots, "
					+ options.payloadCap() + " bytes per payload); at most " + MAX_SECTION + " are allowed.");
		}
		CopyDataDll dll = CopyDataDll.load();
		String name = sectionName(target.pid(), target.hwnd(), nonce);
		mapping = Kernel32.INSTANCE.CreateFileMapping(WinBase.INVALID_HANDLE_VALUE, null, WinNT.PAGE_READWRITE,
				(int) (size >>> 32), (int) size, name);
		if (mapping == null) {
			throw new IOException("Could not create the ring buffer section " + name + ": error "
					+ Kernel32.INSTANCE.GetLastError());
		}
		view = Kernel32.INSTANCE.MapViewOfFile(mapping, WinNT.SECTION_MAP_READ | WinNT.SECTION_MAP_WRITE, 0, 0, 0);
		if (view == null) {
			throw new IOException("Could not map the ring buffer: error " + Kernel32.INSTANCE.GetLastError());
		}
		controlMessage = User32.INSTANCE.RegisterWindowMessage(CopyDataDll.CONTROL_MESSAGE);
		ring = CopyDataRing.create(view.getByteBuffer(0, size), options.ringSlots(), options.payloadCap(), recorded(),
				options.messages().includesAbove(), controlMessage);
		IntByReference error = new IntByReference();
		long hookHandle = dll.install(target.threadId(), error);
		if (hookHandle == 0) {
			throw new IOException(error.getValue() == SniffUser32.ERROR_ACCESS_DENIED
					? TargetChecks.accessDenied()
					: "Windows refused the hook for thread " + target.threadId() + ": error " + error.getValue());
		}
		hook = Pointer.createConstant(hookHandle);
		control(CopyDataDll.ATTACH, "attach to");
		int state = ring.state();
		if (state == CopyDataRing.ATTACHED) {
			attached = true;
			if (ring.hookError() != 0) {
				limits = List.of("Posted messages are not captured: Windows refused the message hook in the"
						+ " target's thread (error " + ring.hookError() + ").");
			}
			return;
		}
		if (state == CopyDataRing.FAILED) {
			throw new IOException("The DLL got into process " + target.pid() + " but could not subclass window "
					+ WindowHandles.hex(target.hwnd()) + ": error " + ring.error());
		}
		throw new IOException("The hook did not run in process " + target.pid() + " (" + target.processName()
				+ "): Windows did not load " + dll.file().getFileName() + " into it. Protected processes, other"
				+ " desktops and 32-bit targets refuse it; the proxy strategy may still work.");
	}

	/** @return the numbers the DLL records: what the selection may keep once names are known */
	private BitSet recorded() {
		BitSet bits = new BitSet(MessageSelection.LIMIT);
		for (int message = 0; message < MessageSelection.LIMIT; message++) {
			if (options.messages().mayAccept(message)) {
				bits.set(message);
			}
		}
		return bits;
	}

	@Override
	public List<String> limits() {
		return limits;
	}

	private void control(int command, String what) throws IOException {
		LongByReference result = new LongByReference();
		if (SniffUser32.INSTANCE.SendMessageTimeoutW(targetHwnd, controlMessage, command, nonce,
				SniffUser32.SMTO_ABORTIFHUNG, CONTROL_TIMEOUT_MS, result) == 0) {
			int error = Kernel32.INSTANCE.GetLastError();
			throw new IOException(switch (error) {
			case SniffUser32.ERROR_ACCESS_DENIED -> TargetChecks.accessDenied();
			case SniffUser32.ERROR_TIMEOUT, 0 -> "Could not " + what + " window " + WindowHandles.hex(target.hwnd())
					+ ": it did not answer in " + CONTROL_TIMEOUT_MS / 1000 + " s (hung?).";
			default -> "Could not " + what + " window " + WindowHandles.hex(target.hwnd()) + ": error " + error;
			});
		}
	}

	@Override
	String capture() {
		long nextCheck = System.nanoTime() + LIVENESS_CHECK_NANOS;
		while (!stopRequested) {
			int read = ring.poll(this::deliver);
			reportDrops();
			if (read > 0) {
				continue;
			}
			int state = ring.state();
			if (state == CopyDataRing.DESTROYED) {
				attached = false;
				return "The target window " + WindowHandles.hex(target.hwnd()) + " was destroyed.";
			}
			if (System.nanoTime() - nextCheck > 0) {
				nextCheck = System.nanoTime() + LIVENESS_CHECK_NANOS;
				if (!User32.INSTANCE.IsWindow(targetHwnd)) {
					attached = false;
					return "The target window " + WindowHandles.hex(target.hwnd()) + " is gone (its process ended?).";
				}
			}
			try {
				Thread.sleep(1);
			} catch (InterruptedException e) {
				return null;
			}
		}
		return null;
	}

	private void deliver(CopyDataRing.Entry entry) {
		String name = names.name(entry.message());
		if (!options.messages().accepts(entry.message(), name)) {
			return;
		}
		long sequence = captured.incrementAndGet();
		delivery.captured(new CapturedMessage(sequence, clock.epochMicros(entry.counterMicros()),
				entry.posted() ? CapturedMessage.Kind.POSTED : CapturedMessage.Kind.SENT, entry.message(), name,
				entry.wParam(), entry.lParam(), entry.senderPid(), entry.senderThread() == 0 ? -1 : entry.senderThread(),
				target.hwnd(), entry.dwData(), entry.cbData(), entry.payload(),
				entry.resultKnown() ? entry.result() : CapturedMessage.UNKNOWN_RESULT));
	}

	private void reportDrops() {
		long now = ring.dropped();
		if (now != dropped) {
			dropped = now;
			delivery.dropped(now);
		}
	}

	@Override
	String giveBack() {
		String problem = null;
		if (attached && User32.INSTANCE.IsWindow(targetHwnd)) {
			try {
				control(CopyDataDll.DETACH, "detach from");
				if (ring.state() == CopyDataRing.LEFT_SUBCLASSED) {
					problem = "Another program subclassed window " + WindowHandles.hex(target.hwnd())
							+ " after IPC Scope did: the DLL stays in the target, passing messages on and capturing none.";
				}
			} catch (IOException e) {
				problem = e.getMessage() + " The DLL stays in the target and keeps filling its ring until it is full.";
			}
		}
		if (ring != null) {
			ring.poll(this::deliver); // what the target published before it let go
			reportDrops();
		}
		if (hook != null) {
			SniffUser32.INSTANCE.UnhookWindowsHookEx(hook);
		}
		if (view != null) {
			Kernel32.INSTANCE.UnmapViewOfFile(view);
		}
		if (mapping != null) {
			Kernel32.INSTANCE.CloseHandle(mapping);
		}
		return problem;
	}

	@Override
	public long dropped() {
		return dropped;
	}

	@Override
	void requestStop() {
		stopRequested = true;
	}
}
