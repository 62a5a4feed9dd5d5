package org.ipcscope.ui.sniff.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.sniff.CaptureSession;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Keeps the capture sessions that run, so that whatever happens to the views (a crash, a view
 * that never got to stop its session) the targets are restored when the bundle stops.
 */
public final class SniffPlugin implements BundleActivator {

	private static final Set<CaptureSession> RUNNING = ConcurrentHashMap.newKeySet();

	static void started(CaptureSession session) {
		RUNNING.add(session);
	}

	/**
	 * Stops a session (restoring its target) unless someone else already does; the caller is off
	 * the UI thread.
	 */
	static void stop(CaptureSession session) {
		if (RUNNING.remove(session)) {
			session.close();
		}
	}

	@Override
	public void start(BundleContext context) {
		// nothing to set up: sessions register as they start
	}

	@Override
	public void stop(BundleContext context) {
		for (CaptureSession session : Set.copyOf(RUNNING)) {
			try {
				stop(session);
			} catch (RuntimeException e) {
				ILog.of(SniffPlugin.class).error(NLS.bind(Messages.Plugin_StopFailed, session.target()), e);
			}
		}
	}
}
