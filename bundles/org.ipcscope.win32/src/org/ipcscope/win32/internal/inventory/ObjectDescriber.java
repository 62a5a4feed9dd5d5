package org.ipcscope.win32.internal.inventory;

import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;

/** Opens a named object of one type with query access only and tells its state. */
@FunctionalInterface
interface ObjectDescriber {

	/**
	 * @param directory the open directory holding the object
	 * @param name      the object's name in it
	 * @throws NtStatusException if the object cannot be opened or asked (access denied, gone)
	 */
	ObjectState describe(ObjectDirectory directory, String name) throws NtStatusException;
}
