package org.ipcscope.core;

import java.time.Instant;
import java.util.List;

/**
 * Everything all providers found in one refresh.
 *
 * @param taken    when the refresh started
 * @param objects  the objects, sorted by kind, namespace and name
 * @param problems what could not be read, for the status line
 */
public record InventorySnapshot(Instant taken, List<IpcObject> objects, List<String> problems) {

	public InventorySnapshot {
		objects = List.copyOf(objects);
		problems = List.copyOf(problems);
	}
}
