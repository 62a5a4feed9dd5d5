package org.ipcscope.core.clipboard;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a system's clipboards without changing them. OS bundles register one as a Declarative
 * Services component and in META-INF/services; where none is registered there is no clipboard
 * IPC Scope can read on this system.
 */
public interface ClipboardReader {

	/** @return the clipboards this system has ("CLIPBOARD"; X11 also "PRIMARY"); empty when none can be reached */
	List<String> selections();

	/**
	 * @return what this reader can and cannot see here, and what reading content does to the
	 *         owner; one sentence each, for views and the command line to show
	 */
	List<String> notes();

	/**
	 * Reads the clipboard once: its owner and formats, and the content of the formats
	 * {@code request} names (each fetch may make the owner render or convert).
	 *
	 * @throws IOException with a message fit to show when the clipboard cannot be reached at all
	 */
	ClipboardSnapshot read(String selection, ContentRequest request) throws IOException;

	/**
	 * Tells {@code listener} each change of the clipboard from now on, as a snapshot read as
	 * {@link #read} does, on a thread of the reader's.
	 *
	 * @throws IOException with a message fit to show when changes cannot be watched here
	 */
	ClipboardWatch watch(String selection, ContentRequest request, Consumer<ClipboardSnapshot> listener)
			throws IOException;

	/** A running watch. */
	interface ClipboardWatch extends AutoCloseable {

		/** @return why the watch ended by itself, or {@code null} while it runs or when it was closed */
		String ended();

		@Override
		void close();
	}
}
