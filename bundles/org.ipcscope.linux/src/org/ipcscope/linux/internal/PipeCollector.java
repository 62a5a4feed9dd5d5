package org.ipcscope.linux.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;

/**
 * Anonymous pipes: descriptors whose link reads {@code pipe:[inode]}. The same inode in two
 * processes links them; the open mode tells which end each holds.
 */
final class PipeCollector implements Collector {

	static final String NAMESPACE = "anonymous";

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.PIPE);
	}

	@Override
	public void collect(InventoryRequest request, ProcessTable processes, List<IpcObject> out, List<String> problems) {
		Map<String, List<Owner>> pipes = new TreeMap<>();
		for (ProcessTable.Descriptor descriptor : processes.descriptors()) {
			if (descriptor.target().startsWith("pipe:[")) {
				pipes.computeIfAbsent(descriptor.target(), t -> new ArrayList<>()).add(processes.owner(descriptor, true));
			}
		}
		pipes.forEach((name, owners) -> {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("Read end", ends(owners, "read"));
			details.put("Write end", ends(owners, "write"));
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("inode", Long.parseLong(name, "pipe:[".length(), name.length() - 1, 10));
			values.put("readEndPids", pids(owners, "read"));
			values.put("writeEndPids", pids(owners, "write"));
			out.add(new IpcObject(IpcKind.PIPE, name, NAMESPACE, IpcObject.UNKNOWN_SIZE, details, owners, null, values));
		});
	}

	/** The distinct processes holding one end, e.g. "cat (12), sh (10)". */
	private static String ends(List<Owner> owners, String end) {
		// a loop, not a stream: the command line runs this cold for every pipe
		Set<String> holders = new LinkedHashSet<>();
		for (Owner owner : owners) {
			if (owner.access() != null && owner.access().contains(end)) {
				holders.add(owner.describeProcess());
			}
		}
		return holders.isEmpty() ? "none open" : String.join(", ", holders);
	}

	/** The distinct pids holding one end, in the order of {@link #ends}. */
	private static List<Long> pids(List<Owner> owners, String end) {
		Set<Long> pids = new LinkedHashSet<>();
		for (Owner owner : owners) {
			if (owner.access() != null && owner.access().contains(end)) {
				pids.add(owner.pid());
			}
		}
		return List.copyOf(pids);
	}
}
