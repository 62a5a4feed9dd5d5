package org.ipcscope.win32.internal.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.nt.SystemHandle;

/**
 * Anonymous pipes: File handles of the pipe device that CreatePipe made. Where the pipe has a
 * name (Wine, old Windows) both ends share it, which links the processes at either end; where it
 * has none (current Windows) handles are linked only when they share one file object, i.e. one
 * end, and the row says the other end is unknown.
 */
final class AnonymousPipeCollector implements Collector {

	static final String NAMESPACE = "anonymous";
	static final String SERVER_END = "Read end (server)";
	static final String CLIENT_END = "Write end (client)";

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.PIPE);
	}

	@Override
	public void collect(InventoryRequest request, HandleSnapshot handles, List<IpcObject> out, List<String> problems) {
		Map<String, List<FileHandle>> pipes = new LinkedHashMap<>();
		for (FileHandle handle : handles.files().handles()) {
			String name = handle.pipeName();
			// An unnamed handle no pipe question works on is the device's root, which kernelbase
			// keeps open to create pipes in: not a pipe end.
			if (name != null && AnonymousPipes.isAnonymous(name) && !(name.isEmpty() && handle.pipe() == null)) {
				pipes.computeIfAbsent(groupName(handle), k -> new ArrayList<>()).add(handle);
			}
		}
		pipes.forEach((name, ends) -> out.add(pipe(name, ends, handles)));
	}

	/** The pipe's name, else its file object's address, else the handle itself. */
	static String groupName(FileHandle handle) {
		if (!handle.pipeName().isEmpty()) {
			return handle.pipeName();
		}
		SystemHandle h = handle.handle();
		return h.object() != 0 ? String.format("pipe object 0x%X", h.object())
				: "pipe of pid " + h.pid() + " " + h.describeHandle();
	}

	private static IpcObject pipe(String name, List<FileHandle> ends, HandleSnapshot handles) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(SERVER_END, holders(ends, true, handles));
		details.put(CLIENT_END, holders(ends, false, handles));
		String problem = ends.get(0).pipeName().isEmpty()
				? "other end unknown: the system gives this pipe no name to link its ends by"
				: null;
		return new IpcObject(IpcKind.PIPE, name, NAMESPACE, IpcObject.UNKNOWN_SIZE, details,
				PipeOwners.owners(ends, handles), problem);
	}

	/** CreatePipe's read end is the server end of the pipe under it, its write end the client end. */
	private static String holders(List<FileHandle> ends, boolean server, HandleSnapshot handles) {
		String holders = ends.stream().filter(e -> e.pipe() != null && e.pipe().isServerEnd() == server)
				.map(e -> describe(e.handle().pid(), handles)).distinct().collect(Collectors.joining(", "));
		return holders.isEmpty() ? "none seen" : holders;
	}

	private static String describe(long pid, HandleSnapshot handles) {
		String name = handles.processName(pid);
		return name == null ? Long.toString(pid) : name + " (" + pid + ")";
	}
}
