package org.ipcscope.ui.traffic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficSession;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Knows the {@link TrafficCapturer} services and keeps the capture sessions that run, so that
 * whatever happens to the view (a crash, a view that never got to stop its session) every
 * captured process is restored when the bundle stops.
 */
public final class TrafficPlugin implements BundleActivator {

	private static final Set<TrafficSession> RUNNING = ConcurrentHashMap.newKeySet();
	private static volatile ServiceTracker<TrafficCapturer, TrafficCapturer> capturers;

	static void started(TrafficSession session) {
		RUNNING.add(session);
	}

	/** Stops a session (restoring its targets) unless someone else already does; off the UI thread. */
	static void stop(TrafficSession session) {
		if (RUNNING.remove(session)) {
			session.close();
		}
	}

	static boolean isRunning(TrafficSession session) {
		return RUNNING.contains(session);
	}

	/** @return the registered capturers, best ranked first; none outside OSGi */
	static List<TrafficCapturer> capturers() {
		ServiceTracker<TrafficCapturer, TrafficCapturer> tracker = capturers;
		List<TrafficCapturer> found = new ArrayList<>();
		if (tracker != null) {
			var references = tracker.getServiceReferences();
			if (references != null) {
				java.util.Arrays.sort(references, java.util.Collections.reverseOrder());
				for (var reference : references) {
					TrafficCapturer capturer = tracker.getService(reference);
					if (capturer != null) {
						found.add(capturer);
					}
				}
			}
		}
		return found;
	}

	/** @return the capturer that sees this kind, or null */
	static TrafficCapturer capturerFor(IpcKind kind) {
		for (TrafficCapturer capturer : capturers()) {
			if (capturer.kinds().contains(kind)) {
				return capturer;
			}
		}
		return null;
	}

	@Override
	public void start(BundleContext context) {
		ServiceTracker<TrafficCapturer, TrafficCapturer> tracker = new ServiceTracker<>(context, TrafficCapturer.class, null);
		tracker.open();
		capturers = tracker;
	}

	@Override
	public void stop(BundleContext context) {
		for (TrafficSession session : Set.copyOf(RUNNING)) {
			try {
				stop(session);
			} catch (RuntimeException e) {
				ILog.of(TrafficPlugin.class).error(NLS.bind(Messages.Plugin_StopFailed, session.request().pids()), e);
			}
		}
		ServiceTracker<TrafficCapturer, TrafficCapturer> tracker = capturers;
		capturers = null;
		if (tracker != null) {
			tracker.close();
		}
	}
}
