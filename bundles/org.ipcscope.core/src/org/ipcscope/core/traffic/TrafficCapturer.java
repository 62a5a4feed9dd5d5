package org.ipcscope.core.traffic;

import java.io.IOException;
import java.util.Set;

import org.ipcscope.core.IpcKind;

/**
 * Captures the bytes processes move through their pipes, mailslots, sockets and FIFOs. Each OS
 * bundle registers one as a Declarative Services component and in META-INF/services; where none
 * is registered, capture does not exist on this OS.
 */
public interface TrafficCapturer {

	/** @return the kinds of channel this capturer sees */
	Set<IpcKind> kinds();

	/**
	 * @return what capture changes in a target, for the user to agree to before it starts (a
	 *         tracer attached, a DLL loaded and which calls are hooked), and how it is undone
	 */
	String change();

	/**
	 * @return how it captures, for the header of capture files ({@link TrafficHeader#method()}):
	 *         {@code ptrace}, {@code dll}; {@code null} when it does not say
	 */
	default String method() {
		return null;
	}

	/**
	 * Starts capturing. Processes that cannot be captured are reported through
	 * {@link TrafficListener#refused}; when none can, it throws.
	 *
	 * @throws IOException with a message fit to show when no process can be captured
	 */
	TrafficSession start(TrafficRequest request, TrafficListener listener) throws IOException;
}
