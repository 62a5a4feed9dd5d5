package org.ipcscope.core.sniff;

/** A running capture. {@link #close()} stops it and restores the target, whatever happened. */
public interface CaptureSession extends AutoCloseable {

	WindowInfo target();

	CaptureStrategy strategy();

	long captured();

	long dropped();

	boolean isRunning();

	/**
	 * @return what this capture cannot see, in words fit to show (e.g. the proxy forwards no system
	 *         messages); empty when it sees everything its selection asks for
	 */
	default java.util.List<String> limits() {
		return java.util.List.of();
	}

	@Override
	void close();
}
