package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/**
 * The in-process strategy: ipcscope_copydata.dll subclasses the target from inside its own
 * thread and copies each WM_COPYDATA into a ring in a shared section; this side reads the ring.
 * One thread does everything that must happen on one thread: it installs the hook, polls, and
 * on stop asks the DLL to restore the window procedure, then removes the hook.
 */
final class InProcessCapture implements CaptureSession {

	/** A section over this size is refused: the reader maps it whole into a ByteBuffer. */
	static final long MAX_SECTION = 1L << 30;
	private static final int CONTROL_TIMEOUT_MS = 10_000;
	private static final long LIVENESS_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private final WindowInfo target;
	private final HWND targetHwnd;
	private final CaptureOptions options;
	private final Delivery delivery;
	private final CaptureClock clock = new CaptureClock();
	private final Runnable onEnd;
	private final CompletableFuture<Void> started = new CompletableFuture<>();
	private final AtomicLong captured = new AtomicLong();
	private final Thread thread;
	private final int nonce = ThreadLocalRandom.current().nextInt() & 0x7fffffff;

	private volatile boolean stopRequested;
	private volatile boolean running;
	private volatile long dropped;
	private int controlMessage;
	private HANDLE mapping;
	private Pointer view;
	private CopyDataRing ring;
	private Pointer hook;
	private boolean attached;

	private InProcessCapture(WindowInfo target, CaptureOptions options, CaptureListener listener, Runnable onEnd) {
		this.target = target;
		this.targetHwnd = WindowHandles.hwnd(target.hwnd());
		this.options = options;
		this.onEnd = onEnd;
		this.delivery = new Delivery(listener, "WM_COPYDATA in-process delivery " + WindowHandles.hex(target.hwnd()));
		this.thread = new Thread(this::run, "WM_COPYDATA in-process " + WindowHandles.hex(target.hwnd()));
		thread.setDaemon(true);
	}

	static InProcessCapture start(WindowInfo target, CaptureOptions options, CaptureListener listener, Runnable onEnd)
			throws IOException {
		InProcessCapture capture = new InProcessCapture(target, options, listener, onEnd);
		capture.thread.start();
		try {
			capture.started.get(60, TimeUnit.SECONDS);
			return capture;
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e.getCause());
		} catch (TimeoutException e) {
			capture.close();
			throw new IOException("The in-process capture of " + WindowHandles.hex(target.hwnd()) + " did not start in 60 s.");
		} catch (InterruptedException e) {
			capture.close();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

	/** The section's name; the DLL derives the same from its own pid, the window and the nonce. */
	static String sectionName(long pid, long hwnd, int nonce) {
		return "Local\\ipcscope-copydata-" + pid + "-" + Long.toHexString(hwnd) + "-" + Integer.toHexString(nonce);
	}

	private void run() {
		String reason = null;
		try {
			attach();
			running = true;
			started.complete(null);
			reason = poll();
		} catch (IOException | RuntimeException e) {
			if (!started.isDone()) {
				started.completeExceptionally(e);
			} else {
				reason = "The capture failed: " + e;
			}
		} finally {
			running = false;
			String detachProblem = detach();
			if (started.isDone() && !started.isCompletedExceptionally()) {
				delivery.finish(reason != null ? reason : detachProblem);
			} else {
				delivery.finish(null);
			}
			onEnd.run();
		}
	}

	private void attach() throws IOException {
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
		ring = CopyDataRing.create(view.getByteBuffer(0, size), options.ringSlots(), options.payloadCap());
		IntByReference error = new IntByReference();
		long hookHandle = dll.install(target.threadId(), error);
		if (hookHandle == 0) {
			throw new IOException(error.getValue() == SniffUser32.ERROR_ACCESS_DENIED
					? TargetChecks.problem(0x2000, 0x3000, false, CaptureStrategy.IN_PROCESS).orElseThrow()
					: "Windows refused the hook for thread " + target.threadId() + ": error " + error.getValue());
		}
		hook = Pointer.createConstant(hookHandle);
		controlMessage = User32.INSTANCE.RegisterWindowMessage(CopyDataDll.CONTROL_MESSAGE);
		control(CopyDataDll.ATTACH, "attach to");
		int state = ring.state();
		if (state == CopyDataRing.ATTACHED) {
			attached = true;
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

	private void control(int command, String what) throws IOException {
		LongByReference result = new LongByReference();
		if (SniffUser32.INSTANCE.SendMessageTimeoutW(targetHwnd, controlMessage, command, nonce,
				SniffUser32.SMTO_ABORTIFHUNG, CONTROL_TIMEOUT_MS, result) == 0) {
			int error = Kernel32.INSTANCE.GetLastError();
			throw new IOException(switch (error) {
			case SniffUser32.ERROR_ACCESS_DENIED -> TargetChecks.problem(0x2000, 0x3000, false, CaptureStrategy.IN_PROCESS)
					.orElseThrow();
			case SniffUser32.ERROR_TIMEOUT, 0 -> "Could not " + what + " window " + WindowHandles.hex(target.hwnd())
					+ ": it did not answer in " + CONTROL_TIMEOUT_MS / 1000 + " s (hung?).";
			default -> "Could not " + what + " window " + WindowHandles.hex(target.hwnd()) + ": error " + error;
			});
		}
	}

	/** @return why the capture ended by itself, or {@code null} when it was stopped */
	private String poll() throws IOException {
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
		captured.incrementAndGet();
		delivery.captured(new CapturedMessage(entry.index() + 1, clock.epochMicros(entry.counterMicros()), entry.wParam(),
				entry.senderPid(), target.hwnd(), entry.dwData(), entry.cbData(), entry.payload(),
				entry.resultKnown() ? entry.result() : CapturedMessage.UNKNOWN_RESULT));
	}

	private void reportDrops() {
		long now = ring.dropped();
		if (now != dropped) {
			dropped = now;
			delivery.dropped(now);
		}
	}

	/** @return what could not be undone, or {@code null} */
	private String detach() {
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
	public WindowInfo target() {
		return target;
	}

	@Override
	public CaptureStrategy strategy() {
		return CaptureStrategy.IN_PROCESS;
	}

	@Override
	public long captured() {
		return captured.get();
	}

	@Override
	public long dropped() {
		return dropped;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public void close() {
		stopRequested = true;
		if (Thread.currentThread() != thread) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(30));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			delivery.awaitFinished(TimeUnit.SECONDS.toMillis(10));
		}
	}
}
