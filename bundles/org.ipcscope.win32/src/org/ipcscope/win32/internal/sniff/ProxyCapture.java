package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HINSTANCE;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.LRESULT;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinUser;
import com.sun.jna.platform.win32.WinUser.MSG;
import com.sun.jna.platform.win32.WinUser.WNDCLASSEX;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/**
 * The proxy strategy: a window of the target's class and title in this process takes the
 * target's place (the target is renamed and hidden), logs each WM_COPYDATA and each message from
 * WM_USER up that the selection accepts, and forwards it to the target: a sent message
 * synchronously, answering the sender with the target's result, a posted one posted. System
 * messages below WM_USER are the proxy's own (they may carry pointers into this process): neither
 * forwarded nor logged. Everything runs on one thread with its own message loop; the target is
 * restored on stop, on failure and when that thread ends for any reason.
 */
final class ProxyCapture extends CaptureThread {

	/** Marks the renamed target, so a user who sees it knows why and what it was. */
	static final String RENAMED_PREFIX = "[IPC Scope proxy] ";

	private static final int STOP = SniffUser32.WM_APP + 0x1c5;
	private static final int WS_POPUP = 0x80000000;
	private static final int CHECK_TIMER = 1;
	private static final int CHECK_MS = 250;
	/** Senders wait as long as they would for the real target; this only ends a hung target's wait. */
	private static final int FORWARD_TIMEOUT_MS = 120_000;
	private static final int TARGET_CALL_TIMEOUT_MS = 5_000;
	/** After the target is restored, senders that already hold the proxy's handle still get through. */
	private static final long DRAIN_MS = 100;
	/**
	 * Under Wine a received 1 MiB WM_COPYDATA crashed the JVM on a thread with the default 1 MiB
	 * stack and passes with this one (reserved, not committed): Wine needs stack in proportion to
	 * the payload while it hands the message over.
	 */
	private static final long STACK_BYTES = 256L << 20;

	// referenced as long as the window lives: JNA frees a callback whose Java object is collected
	private final WinUser.WindowProc procedure = this::windowProcedure;
	private final HINSTANCE instance = Kernel32.INSTANCE.GetModuleHandle(null);

	private volatile HWND proxy;
	private volatile String failure;
	private boolean classRegistered;
	private boolean renamed;
	private boolean hidden;
	private final MessageNames names = new MessageNames();

	private ProxyCapture(WindowInfo target, CaptureOptions options, CaptureListener listener, Runnable onEnd) {
		super(CaptureStrategy.PROXY, target, options, listener, onEnd, STACK_BYTES);
	}

	/** @throws IOException when the proxy could not take the target's place (nothing is left changed) */
	static ProxyCapture start(WindowInfo target, CaptureOptions options, CaptureListener listener, Runnable onEnd)
			throws IOException {
		ProxyCapture capture = new ProxyCapture(target, options, listener, onEnd);
		capture.begin(30);
		return capture;
	}

	@Override
	void takeOver() throws IOException {
		createProxy();
		renameAndHide();
	}

	private void createProxy() throws IOException {
		WNDCLASSEX windowClass = new WNDCLASSEX();
		windowClass.hInstance = instance;
		windowClass.lpfnWndProc = procedure;
		windowClass.lpszClassName = target.className();
		if (User32.INSTANCE.RegisterClassEx(windowClass).intValue() == 0) {
			int error = Kernel32.INSTANCE.GetLastError();
			throw new IOException(error == SniffUser32.ERROR_CLASS_ALREADY_EXISTS
					? "A proxy for window class '" + target.className() + "' is already running in IPC Scope."
					: "Could not register window class '" + target.className() + "': error " + error);
		}
		classRegistered = true;
		HWND window = User32.INSTANCE.CreateWindowEx(0, target.className(), target.title(), WS_POPUP, 0, 0, 0, 0,
				target.messageOnly() ? WindowHandles.MESSAGE_ONLY_PARENT : null, null, instance, null);
		if (window == null) {
			throw new IOException("Could not create the proxy window: error " + Kernel32.INSTANCE.GetLastError());
		}
		proxy = window;
	}

	/** Renames and hides the target only after the proxy exists: a lookup always finds one of them. */
	private void renameAndHide() throws IOException {
		if (!setTargetTitle(RENAMED_PREFIX + target.title())) {
			int error = Kernel32.INSTANCE.GetLastError();
			throw new IOException(error == SniffUser32.ERROR_ACCESS_DENIED
					? TargetChecks.accessDenied()
					: "The target did not accept its new title (it may be hung): error " + error);
		}
		renamed = true;
		if (User32.INSTANCE.IsWindowVisible(targetHwnd)) {
			SniffUser32.INSTANCE.ShowWindowAsync(targetHwnd, SniffUser32.SW_HIDE);
			hidden = true;
		}
	}

	private boolean setTargetTitle(String title) {
		return SniffUser32.INSTANCE.SendMessageTimeoutW(targetHwnd, SniffUser32.WM_SETTEXT, 0, new WString(title),
				SniffUser32.SMTO_ABORTIFHUNG, TARGET_CALL_TIMEOUT_MS, new LongByReference()) != 0;
	}

	@Override
	String capture() {
		SniffUser32.INSTANCE.SetTimer(proxy, CHECK_TIMER, CHECK_MS, null);
		MSG message = new MSG();
		while (User32.INSTANCE.GetMessage(message, null, 0, 0) > 0) {
			if (message.message == STOP) {
				return failure;
			}
			if (message.message == SniffUser32.WM_TIMER && !User32.INSTANCE.IsWindow(targetHwnd)) {
				return "The target window " + WindowHandles.hex(target.hwnd()) + " is gone (closed, or its process ended).";
			}
			User32.INSTANCE.DispatchMessage(message);
		}
		return failure;
	}

	@Override
	String giveBack() {
		String problem = null;
		if (proxy != null) {
			// lookups by title find the target again from here on
			SniffUser32.INSTANCE.SetWindowTextW(proxy, new WString(""));
		}
		boolean targetAlive = User32.INSTANCE.IsWindow(targetHwnd);
		if (renamed && targetAlive && !setTargetTitle(target.title())) {
			problem = "Could not give window " + WindowHandles.hex(target.hwnd()) + " its title back ('" + target.title()
					+ "'): error " + Kernel32.INSTANCE.GetLastError() + ".";
		}
		if (hidden && targetAlive) {
			SniffUser32.INSTANCE.ShowWindowAsync(targetHwnd, SniffUser32.SW_SHOWNA);
		}
		if (proxy != null) {
			drain();
			User32.INSTANCE.DestroyWindow(proxy);
			proxy = null;
		}
		if (classRegistered) {
			User32.INSTANCE.UnregisterClass(target.className(), instance);
		}
		return problem;
	}

	/** Serves messages already on their way to the proxy before it goes. */
	private void drain() {
		MSG message = new MSG();
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
		while (System.nanoTime() - end < 0) {
			while (User32.INSTANCE.PeekMessage(message, null, 0, 0, 1 /* PM_REMOVE */)) {
				User32.INSTANCE.DispatchMessage(message);
			}
			try {
				Thread.sleep(5);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public List<String> limits() {
		for (int message = 0; message < SniffUser32.WM_USER; message++) {
			if (message != SniffUser32.WM_COPYDATA && options.messages().mayAccept(message)) {
				return List.of("The proxy sees system messages below WM_USER (but WM_COPYDATA) itself: they are"
						+ " neither forwarded nor captured; the in-process strategy captures them.");
			}
		}
		return List.of();
	}

	private LRESULT windowProcedure(HWND hwnd, int message, WPARAM wParam, LPARAM lParam) {
		if (message >= SniffUser32.WM_USER && message != SniffUser32.WM_COPYDATA) {
			try {
				return new LRESULT(passOn(message, wParam.longValue(), lParam.longValue()));
			} catch (RuntimeException e) {
				failure = "The proxy failed: " + e;
				User32.INSTANCE.PostMessage(hwnd, STOP, null, null);
				return new LRESULT(0);
			}
		}
		if (message != SniffUser32.WM_COPYDATA) {
			return User32.INSTANCE.DefWindowProc(hwnd, message, wParam, lParam);
		}
		try {
			return new LRESULT(forward(wParam.longValue(), lParam.longValue()));
		} catch (Throwable e) {
			// the sender still gets its answer; the capture ends and the target is restored
			failure = "The proxy failed: " + e;
			User32.INSTANCE.PostMessage(hwnd, STOP, null, null);
			return new LRESULT(0);
		}
	}

	private long forward(long wParam, long lParam) {
		Pointer copyData = new Pointer(lParam);
		long time = clock.nowEpochMicros();
		long dwData = copyData.getLong(0);
		long cbData = Integer.toUnsignedLong(copyData.getInt(8));
		Pointer data = copyData.getPointer(16);
		byte[] payload = data == null ? new byte[0] : data.getByteArray(0, (int) Math.min(cbData, options.payloadCap()));
		LongByReference result = new LongByReference();
		boolean answered = SniffUser32.INSTANCE.SendMessageTimeoutW(targetHwnd, SniffUser32.WM_COPYDATA, wParam, copyData,
				SniffUser32.SMTO_NORMAL, FORWARD_TIMEOUT_MS, result) != 0;
		String name = names.name(SniffUser32.WM_COPYDATA);
		if (options.messages().accepts(SniffUser32.WM_COPYDATA, name)) {
			delivery.captured(new CapturedMessage(captured.incrementAndGet(), time, CapturedMessage.Kind.SENT,
					SniffUser32.WM_COPYDATA, name, wParam, lParam, senderPid(wParam), -1, target.hwnd(), dwData, cbData,
					payload, answered ? result.getValue() : CapturedMessage.UNKNOWN_RESULT));
		}
		if (!answered && !User32.INSTANCE.IsWindow(targetHwnd)) {
			failure = "The target window " + WindowHandles.hex(target.hwnd()) + " is gone (closed, or its process ended).";
			User32.INSTANCE.PostMessage(proxy, STOP, null, null);
		}
		return answered ? result.getValue() : 0;
	}

	/**
	 * Application and registered messages (WM_USER and up) carry no pointers the system would have
	 * to marshal: they reach the target as they came, sent or posted.
	 */
	private long passOn(int message, long wParam, long lParam) {
		long time = clock.nowEpochMicros();
		int how = SniffUser32.INSTANCE.InSendMessageEx(null);
		boolean sent = (how & (SniffUser32.ISMEX_SEND | SniffUser32.ISMEX_NOTIFY | SniffUser32.ISMEX_CALLBACK)) != 0;
		String name = options.messages().mayAccept(message) ? names.name(message) : null;
		boolean logged = options.messages().accepts(message, name);
		if (!sent) {
			User32.INSTANCE.PostMessage(targetHwnd, message, new WPARAM(wParam), new LPARAM(lParam));
			if (logged) {
				delivery.captured(new CapturedMessage(captured.incrementAndGet(), time, CapturedMessage.Kind.POSTED,
						message, name, wParam, lParam, -1, -1, target.hwnd(), 0, 0, new byte[0],
						CapturedMessage.UNKNOWN_RESULT));
			}
			return 0;
		}
		LongByReference result = new LongByReference();
		boolean answered = SniffUser32.INSTANCE.SendMessageTimeoutW(targetHwnd, message, wParam, lParam,
				SniffUser32.SMTO_NORMAL, FORWARD_TIMEOUT_MS, result) != 0;
		if (logged) {
			delivery.captured(new CapturedMessage(captured.incrementAndGet(), time, CapturedMessage.Kind.SENT, message,
					name, wParam, lParam, -1, -1, target.hwnd(), 0, 0, new byte[0],
					answered ? result.getValue() : CapturedMessage.UNKNOWN_RESULT));
		}
		return answered ? result.getValue() : 0;
	}

	static long senderPid(long wParam) {
		if (wParam == 0) {
			return -1;
		}
		HWND sender = WindowHandles.hwnd(wParam);
		if (!User32.INSTANCE.IsWindow(sender)) {
			return -1;
		}
		IntByReference pid = new IntByReference();
		return User32.INSTANCE.GetWindowThreadProcessId(sender, pid) == 0 ? -1 : Integer.toUnsignedLong(pid.getValue());
	}

	@Override
	public long dropped() {
		return 0;
	}

	@Override
	void requestStop() {
		HWND window = proxy;
		if (window != null) {
			User32.INSTANCE.PostMessage(window, STOP, null, null);
		}
	}
}
