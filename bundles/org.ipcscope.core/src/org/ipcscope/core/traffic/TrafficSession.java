package org.ipcscope.core.traffic;

/**
 * A running capture. {@link #close()} stops it and restores every target, whatever happened;
 * it is safe to call more than once and from any thread.
 */
public interface TrafficSession extends AutoCloseable {

	TrafficRequest request();

	long captured();

	long dropped();

	boolean isRunning();

	@Override
	void close();
}
