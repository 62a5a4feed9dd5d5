package org.ipcscope.core.memory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.ipcscope.core.IpcObject;

/**
 * Opens shared memory whatever the operating system: what the hex editor and the command line
 * use. In OSGi a service backed by every registered {@link MemorySourceProvider}; without OSGi a
 * {@link MemorySources} over the providers ServiceLoader finds.
 */
public interface MemorySourceService {

	/** @return the namespaces objects can be opened by name in, for the Open Shared Memory dialog */
	List<String> namespaces();

	/** @see MemorySourceProvider#lookup */
	Optional<IpcObject> lookup(String name, String namespace) throws IOException;

	/** @return whether some provider opens this object */
	boolean canOpen(IpcObject object);

	/** @throws IOException also when no provider opens this object */
	MemorySource open(IpcObject object, boolean writable) throws IOException;
}
