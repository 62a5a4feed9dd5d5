package org.ipcscope.linux.internal.clipboard;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.ipcscope.core.clipboard.ClipboardReader.ClipboardWatch;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ContentRequest;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Watches a selection with the XFixes extension: the server reports each new owner (also an owner
 * that takes the selection again), and the owner's window or client going away. Each report is
 * followed by a read of the selection, with the XFixes timestamp as its sequence.
 */
final class X11SelectionWatch implements ClipboardWatch {

	private final String display;
	private final String selection;
	private final ContentRequest request;
	private final Consumer<ClipboardSnapshot> listener;
	private final CompletableFuture<Void> started = new CompletableFuture<>();
	private final Thread thread;
	private volatile boolean closed;
	private volatile String ended;

	private X11SelectionWatch(String display, String selection, ContentRequest request, Consumer<ClipboardSnapshot> listener) {
		this.display = display;
		this.selection = selection;
		this.request = request;
		this.listener = listener;
		this.thread = new Thread(this::run, "X11 " + selection + " watch");
		thread.setDaemon(true);
	}

	static X11SelectionWatch start(String display, String selection, ContentRequest request,
			Consumer<ClipboardSnapshot> listener) throws IOException {
		X11SelectionWatch watch = new X11SelectionWatch(display, selection, request, listener);
		watch.thread.start();
		try {
			watch.started.get(30, TimeUnit.SECONDS);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e.getCause());
		} catch (TimeoutException e) {
			watch.close();
			throw new IOException("The " + selection + " watch did not start in 30 s.");
		} catch (InterruptedException e) {
			watch.close();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		return watch;
	}

	private void run() {
		try (XConnection x = XConnection.open(display)) {
			int firstEvent = xfixes(x);
			int atom = x.atom(selection);
			Xcb.XFixes.INSTANCE.xcb_xfixes_select_selection_input(x.c, x.window, atom,
					Xcb.XFixes.SET_SELECTION_OWNER_NOTIFY_MASK | Xcb.XFixes.SELECTION_WINDOW_DESTROY_NOTIFY_MASK
							| Xcb.XFixes.SELECTION_CLIENT_CLOSE_NOTIFY_MASK);
			Xcb.INSTANCE.xcb_flush(x.c);
			started.complete(null);
			while (!closed) {
				Pointer event = x.next(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250));
				if (event == null) {
					if (Xcb.INSTANCE.xcb_connection_has_error(x.c) != 0) {
						ended = "The connection to the X server was lost.";
						return;
					}
					continue;
				}
				int type = event.getByte(0) & 0x7f;
				long timestamp = Integer.toUnsignedLong(event.getInt(20));
				Xcb.C.INSTANCE.free(event);
				if (type == firstEvent && !closed) {
					ClipboardSnapshot read = X11Selections.read(display, selection, request);
					listener.accept(new ClipboardSnapshot(read.selection(), read.timeMicros(), timestamp, read.owner(),
							read.openBy(), read.formats(), read.problem()));
				}
			}
		} catch (IOException | RuntimeException e) {
			if (!started.completeExceptionally(e)) {
				ended = "The " + selection + " watch failed: " + e;
			}
		}
	}

	/** @return the XFixes extension's first event code, after telling the server which version we speak */
	private static int xfixes(XConnection x) throws IOException {
		Pointer id;
		try {
			id = NativeLibrary.getInstance("xcb-xfixes").getGlobalVariableAddress("xcb_xfixes_id");
		} catch (UnsatisfiedLinkError e) {
			throw new IOException("Watching needs libxcb-xfixes (Debian libxcb-xfixes0), which is not installed.");
		}
		Pointer extension = Xcb.INSTANCE.xcb_get_extension_data(x.c, id);
		if (extension == null || extension.getByte(8) == 0) {
			throw new IOException("The X server has no XFixes extension: selection changes cannot be watched.");
		}
		Pointer version = Xcb.XFixes.INSTANCE.xcb_xfixes_query_version_reply(x.c,
				Xcb.XFixes.INSTANCE.xcb_xfixes_query_version(x.c, 5, 0), null);
		if (version != null) {
			Xcb.C.INSTANCE.free(version);
		}
		return Byte.toUnsignedInt(extension.getByte(10));
	}

	@Override
	public String ended() {
		return closed ? null : ended;
	}

	@Override
	public void close() {
		closed = true;
		if (Thread.currentThread() != thread) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
