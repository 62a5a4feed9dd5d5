package org.ipcscope.core;

import java.util.Map;

/**
 * Details a listing must not ask because asking has a side effect on the object (a named pipe's
 * server pid needs a client connection). Asked only when the user says so, after being told the
 * side effect. OS bundles register these as Declarative Services components.
 */
public interface DetailProbe {

	/** @return whether this probe can tell more about the object */
	boolean appliesTo(IpcObject object);

	/** @return what asking does to the object, in words shown before the user confirms */
	String sideEffect(IpcObject object);

	/**
	 * Asks. May take a moment: never on the UI thread.
	 *
	 * @return the details in display order
	 * @throws IllegalStateException with a message fit to show when the object cannot be asked
	 */
	Map<String, String> probe(IpcObject object);
}
