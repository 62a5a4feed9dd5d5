package org.ipcscope.ui.traffic.internal;

import org.eclipse.core.expressions.PropertyTester;
import org.ipcscope.core.change.TrackedObject;

/** {@code capturable}: an IPC Objects row of a channel kind that a registered capturer sees. */
public class CapturableTester extends PropertyTester {

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		return receiver instanceof TrackedObject tracked && CaptureStarts.CHANNELS.contains(tracked.object().kind())
				&& TrafficPlugin.capturerFor(tracked.object().kind()) != null;
	}
}
