package org.ipcscope.core.memory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.ipcscope.core.IpcObject;

/**
 * Opens the memory behind IPC objects of one operating system. Implementations are Declarative
 * Services components in the OS bundles, also listed in META-INF/services for code that runs
 * without OSGi; {@link MemorySources} asks them in turn.
 */
public interface MemorySourceProvider {

	/** @return the namespaces whose objects this provider opens by name ({@code /dev/shm}, {@code SysV}, {@code Local}) */
	List<String> namespaces();

	/**
	 * Finds a memory object by the name users write.
	 *
	 * @param namespace one of {@link #namespaces()}, or {@code null} to try them all
	 * @return the object with its current size, or empty if there is none by that name
	 * @throws IOException if it exists but could not be looked at
	 */
	Optional<IpcObject> lookup(String name, String namespace) throws IOException;

	/** @return whether {@link #open} handles this object */
	boolean canOpen(IpcObject object);

	/**
	 * Opens the object's memory. Read-only unless {@code writable}; a writable source writes to
	 * the live object.
	 */
	MemorySource open(IpcObject object, boolean writable) throws IOException;
}
