package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.nt.FileDirectoryEntry;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.PipeLocalInformation;

/**
 * Named pipes, listed from the pipe device's directory with their instance counts, without
 * connecting to any; where the system cannot list that directory (Wine), from the handle table:
 * every pipe has at least its server's handle open. Owners come from the handle table either way.
 */
final class NamedPipeCollector implements Collector {

	static final String NAMESPACE = "\\\\.\\pipe";
	static final String INSTANCES = "Instances";
	static final String MAX_INSTANCES = "Max instances";
	static final String LISTED_FROM = "Listed from";
	static final String FROM_DIRECTORY = "pipe directory";
	static final String FROM_HANDLES = "handle table";

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.NAMED_PIPE);
	}

	@Override
	public void collect(InventoryRequest request, HandleSnapshot handles, List<IpcObject> out, List<String> problems) {
		Map<String, List<FileHandle>> byName = PipeOwners.group(handles.files().handles(), h -> {
			String name = h.pipeName();
			return name == null || AnonymousPipes.isAnonymous(name) ? null : name;
		});
		try {
			for (FileDirectoryEntry entry : DeviceDirectory.list(DeviceDirectory.PIPES)) {
				if (!AnonymousPipes.isAnonymous(entry.fileName())) {
					List<FileHandle> holders = byName.getOrDefault(PipeOwners.key(entry.fileName()), List.of());
					out.add(pipe(entry.fileName(), entry.endOfFile(), entry.allocationSize() & 0xFFFFFFFFL,
							FROM_DIRECTORY, holders, handles));
				}
			}
		} catch (NtStatusException e) {
			if (!DeviceDirectory.isUnsupported(e.status())) {
				problems.add("Named pipes: " + e.getMessage() + "; listed from the handle table instead");
			}
			fromHandles(byName, handles, out);
		}
	}

	private static void fromHandles(Map<String, List<FileHandle>> byName, HandleSnapshot handles,
			List<IpcObject> out) {
		for (List<FileHandle> holders : byName.values()) {
			PipeLocalInformation info = holders.stream().map(FileHandle::pipe).filter(p -> p != null).findFirst()
					.orElse(null);
			out.add(pipe(holders.get(0).pipeName(), info == null ? -1 : info.currentInstances(),
					info == null ? -1 : info.maximumInstances(), FROM_HANDLES, holders, handles));
		}
	}

	/** @param current -1 when unknown */
	static IpcObject pipe(String name, long current, long maximum, String listedFrom, List<FileHandle> holders,
			HandleSnapshot handles) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(INSTANCES, current < 0 ? "unknown" : Long.toString(current));
		details.put(MAX_INSTANCES, maximum < 0 ? "unknown" : PipeLocalInformation.describeInstances(maximum));
		details.put(LISTED_FROM, listedFrom);
		details.put(NamespaceObjects.NT_PATH, DeviceDirectory.PIPES + name);
		return new IpcObject(IpcKind.NAMED_PIPE, NAMESPACE + "\\" + name, NAMESPACE, IpcObject.UNKNOWN_SIZE, details,
				PipeOwners.owners(holders, handles), null);
	}
}
