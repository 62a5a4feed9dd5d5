package org.ipcscope.core;

import java.util.List;

/**
 * What one provider found in one pass.
 *
 * @param objects  the objects found
 * @param problems sources that could not be read (for example "/proc/sysvipc/shm: not present"),
 *                 as messages fit to show to the user
 */
public record ProviderResult(List<IpcObject> objects, List<String> problems) {

	public ProviderResult {
		objects = List.copyOf(objects);
		problems = List.copyOf(problems);
	}
}
