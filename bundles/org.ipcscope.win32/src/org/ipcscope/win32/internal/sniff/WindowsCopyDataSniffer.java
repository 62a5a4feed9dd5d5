package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.sniff.WindowInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.sun.jna.Platform;

/**
 * WM_COPYDATA capture on Windows. Every session it starts is also closed when the component is
 * deactivated (the workbench stops) and when the JVM exits, so that no target stays renamed,
 * hidden or subclassed.
 */
@Component(service = CopyDataSniffer.class)
public class WindowsCopyDataSniffer implements CopyDataSniffer {

	private final Set<CaptureSession> sessions = ConcurrentHashMap.newKeySet();
	private final Thread shutdownHook = new Thread(this::closeAll, "WM_COPYDATA captures: restore targets");
	private boolean hookRegistered;

	@Override
	public List<WindowInfo> windows() throws IOException {
		requireWindows();
		return WindowEnumerator.windows();
	}

	@Override
	public Optional<WindowInfo> windowUnderCursor() throws IOException {
		requireWindows();
		return WindowEnumerator.underCursor();
	}

	@Override
	public Set<CaptureStrategy> strategies() {
		return Platform.isWindows() ? EnumSet.allOf(CaptureStrategy.class) : EnumSet.noneOf(CaptureStrategy.class);
	}

	@Override
	public CaptureSession start(WindowInfo target, CaptureStrategy strategy, CaptureOptions options,
			CaptureListener listener) throws IOException {
		requireWindows();
		TargetChecks.check(target, strategy);
		WindowInfo current = WindowEnumerator.refresh(target)
				.orElseThrow(() -> new IOException("Window " + WindowHandles.hex(target.hwnd()) + " no longer exists."));
		// the title and class as they are now: the proxy must copy them, and restore the title to this
		WindowInfo window = new WindowInfo(target.hwnd(), current.className(), current.title(), current.pid(),
				current.threadId(), current.processName(), target.messageOnly());
		registerShutdownHook();
		CaptureSession[] session = new CaptureSession[1];
		Runnable onEnd = () -> {
			if (session[0] != null) {
				sessions.remove(session[0]);
			}
		};
		session[0] = switch (strategy) {
		case PROXY -> ProxyCapture.start(window, options, listener, onEnd);
		case IN_PROCESS -> InProcessCapture.start(window, options, listener, onEnd);
		};
		if (session[0].isRunning()) {
			sessions.add(session[0]);
		}
		return session[0];
	}

	/** @return the captures running now */
	Set<CaptureSession> sessions() {
		return Set.copyOf(sessions);
	}

	@Deactivate
	void deactivate() {
		closeAll();
		synchronized (this) {
			if (hookRegistered) {
				try {
					Runtime.getRuntime().removeShutdownHook(shutdownHook);
				} catch (IllegalStateException e) {
					// the JVM is already shutting down: the hook runs anyway
				}
				hookRegistered = false;
			}
		}
	}

	private void closeAll() {
		for (CaptureSession session : List.copyOf(sessions)) {
			session.close();
		}
	}

	private synchronized void registerShutdownHook() {
		if (!hookRegistered) {
			Runtime.getRuntime().addShutdownHook(shutdownHook);
			hookRegistered = true;
		}
	}

	private static void requireWindows() throws IOException {
		if (!Platform.isWindows()) {
			throw new IOException("WM_COPYDATA exists only on Windows.");
		}
	}
}
