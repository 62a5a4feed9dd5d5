package org.ipcscope.core.sniff;

/** A running capture. {@link #close()} stops it and restores the target, whatever happened. */
public interface CaptureSession extends AutoCloseable {

	WindowInfo target();

	CaptureStrategy strategy();

	long captured();

	long dropped();

	boolean isRunning();

	@Override
	void close();
}
