package org.ipcscope.ui.sniff.internal;

import java.io.IOException;

import org.eclipse.core.runtime.ServiceCaller;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Calls the {@link CopyDataSniffer} service where one is registered (Windows). Always off the UI
 * thread: every call goes to the OS.
 */
final class SnifferAccess {

	interface Call<T> {
		T apply(CopyDataSniffer sniffer) throws IOException;
	}

	private SnifferAccess() {
	}

	/**
	 * @return whether a sniffer service is registered; only its registration is looked at, so the
	 *         component is not activated (which may load native code) on the UI thread
	 */
	static boolean available() {
		Bundle bundle = FrameworkUtil.getBundle(SnifferAccess.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		return context != null && context.getServiceReference(CopyDataSniffer.class) != null;
	}

	/** @throws IOException with a message fit to show, also when no sniffer is there */
	static <T> T call(Call<T> call) throws IOException {
		Object[] result = new Object[1];
		IOException[] failure = new IOException[1];
		boolean called = ServiceCaller.callOnce(SnifferAccess.class, CopyDataSniffer.class, sniffer -> {
			try {
				result[0] = call.apply(sniffer);
			} catch (IOException e) {
				failure[0] = e;
			}
		});
		if (!called) {
			throw new IOException(unavailableMessage());
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	static String unavailableMessage() {
		return isWindows() ? Messages.View_NoSniffer : Messages.View_WindowsOnly;
	}

	static boolean isWindows() {
		return System.getProperty("os.name", "").startsWith("Windows"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
