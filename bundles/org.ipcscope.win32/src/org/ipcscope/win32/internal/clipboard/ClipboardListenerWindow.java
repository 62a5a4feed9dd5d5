package org.ipcscope.win32.internal.clipboard;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.ipcscope.core.clipboard.ClipboardReader.ClipboardWatch;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ContentRequest;

import com.sun.jna.Pointer;
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

/**
 * Watches the clipboard with AddClipboardFormatListener: a message-only window on a thread of its
 * own gets WM_CLIPBOARDUPDATE after each change, and the thread reads a snapshot then. The
 * listener only hears of changes; it never becomes part of the clipboard's chain or owner.
 */
final class ClipboardListenerWindow implements ClipboardWatch {

	private static final int STOP = 0x8000 + 0x1c6; // WM_APP + n
	private static final HWND MESSAGE_ONLY_PARENT = new HWND(Pointer.createConstant(-3L));
	private static final String CLASS_PREFIX = "IpcScopeClipboardListener";

	private final ContentRequest request;
	private final Consumer<ClipboardSnapshot> listener;
	private final CompletableFuture<Void> started = new CompletableFuture<>();
	// referenced as long as the window lives: JNA frees a callback whose Java object is collected
	private final WinUser.WindowProc procedure = this::windowProcedure;
	private final HINSTANCE instance = Kernel32.INSTANCE.GetModuleHandle(null);
	private final String className = CLASS_PREFIX + System.identityHashCode(this);
	private final Thread thread;
	private volatile HWND window;
	private volatile String ended;
	private volatile boolean closed;

	private ClipboardListenerWindow(ContentRequest request, Consumer<ClipboardSnapshot> listener) {
		this.request = request;
		this.listener = listener;
		this.thread = new Thread(this::run, "Clipboard listener");
		thread.setDaemon(true);
	}

	static ClipboardListenerWindow start(ContentRequest request, Consumer<ClipboardSnapshot> listener) throws IOException {
		ClipboardListenerWindow watch = new ClipboardListenerWindow(request, listener);
		watch.thread.start();
		try {
			watch.started.get(30, TimeUnit.SECONDS);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e.getCause());
		} catch (TimeoutException e) {
			watch.close();
			throw new IOException("The clipboard listener did not start in 30 s.");
		} catch (InterruptedException e) {
			watch.close();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		return watch;
	}

	private void run() {
		boolean registered = false;
		boolean listening = false;
		try {
			WNDCLASSEX windowClass = new WNDCLASSEX();
			windowClass.hInstance = instance;
			windowClass.lpfnWndProc = procedure;
			windowClass.lpszClassName = className;
			if (User32.INSTANCE.RegisterClassEx(windowClass).intValue() == 0) {
				throw new IOException("Could not register the listener's window class: error " + Kernel32.INSTANCE.GetLastError());
			}
			registered = true;
			window = User32.INSTANCE.CreateWindowEx(0, className, "IPC Scope clipboard listener", 0, 0, 0, 0, 0,
					MESSAGE_ONLY_PARENT, null, instance, null);
			if (window == null) {
				throw new IOException("Could not create the listener window: error " + Kernel32.INSTANCE.GetLastError());
			}
			if (!ClipboardUser32.INSTANCE.AddClipboardFormatListener(window)) {
				throw new IOException("AddClipboardFormatListener failed: error " + Kernel32.INSTANCE.GetLastError());
			}
			listening = true;
			started.complete(null);
			loop();
		} catch (IOException | RuntimeException e) {
			if (!started.completeExceptionally(e)) {
				ended = "The clipboard listener failed: " + e;
			}
		} finally {
			if (listening) {
				ClipboardUser32.INSTANCE.RemoveClipboardFormatListener(window);
			}
			if (window != null) {
				User32.INSTANCE.DestroyWindow(window);
			}
			if (registered) {
				User32.INSTANCE.UnregisterClass(className, instance);
			}
		}
	}

	private void loop() {
		MSG message = new MSG();
		while (User32.INSTANCE.GetMessage(message, null, 0, 0) > 0) {
			if (message.message == STOP) {
				return;
			}
			User32.INSTANCE.DispatchMessage(message);
		}
	}

	private LRESULT windowProcedure(HWND hwnd, int message, WPARAM wParam, LPARAM lParam) {
		if (message == ClipboardUser32.WM_CLIPBOARDUPDATE) {
			if (!closed) {
				try {
					listener.accept(ClipboardSnapshots.read(request));
				} catch (RuntimeException e) {
					// a listener's fault must not end the watch in the middle of a message
					ended = "A clipboard listener failed: " + e;
				}
			}
			return new LRESULT(0);
		}
		return User32.INSTANCE.DefWindowProc(hwnd, message, wParam, lParam);
	}

	@Override
	public String ended() {
		return closed ? null : ended;
	}

	@Override
	public void close() {
		closed = true;
		HWND w = window;
		if (w != null) {
			User32.INSTANCE.PostMessage(w, STOP, null, null);
		}
		if (Thread.currentThread() != thread) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
