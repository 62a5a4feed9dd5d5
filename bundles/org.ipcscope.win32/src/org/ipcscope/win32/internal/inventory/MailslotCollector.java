package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.nt.FileDirectoryEntry;
import org.ipcscope.win32.internal.nt.MailslotInformation;
import org.ipcscope.win32.internal.nt.NtStatusException;

/**
 * Mailslots, listed from the mailslot device's directory, or from the handle table where the
 * system cannot list it (Wine). Message size and count come from the mailslot's own handle
 * (FileMailslotQueryInformation), which takes no message: a message is never read.
 */
final class MailslotCollector implements Collector {

	static final String NAMESPACE = "\\\\.\\mailslot";
	static final String MAX_MESSAGE = "Max message size";
	static final String NEXT_MESSAGE = "Next message";
	static final String MESSAGES = "Messages waiting";

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.MAILSLOT);
	}

	@Override
	public void collect(InventoryRequest request, HandleSnapshot handles, List<IpcObject> out, List<String> problems) {
		Map<String, List<FileHandle>> byName = PipeOwners.group(handles.files().handles(), h -> {
			String name = h.mailslotName();
			return name == null || name.isEmpty() ? null : name;
		});
		try {
			for (FileDirectoryEntry entry : DeviceDirectory.list(DeviceDirectory.MAILSLOTS)) {
				List<FileHandle> holders = byName.getOrDefault(PipeOwners.key(entry.fileName()), List.of());
				out.add(mailslot(entry.fileName(), NamedPipeCollector.FROM_DIRECTORY, holders, handles));
			}
		} catch (NtStatusException e) {
			if (!DeviceDirectory.isUnsupported(e.status())) {
				problems.add("Mailslots: " + e.getMessage() + "; listed from the handle table instead");
			}
			for (List<FileHandle> holders : byName.values()) {
				out.add(mailslot(holders.get(0).mailslotName(), NamedPipeCollector.FROM_HANDLES, holders, handles));
			}
		}
	}

	static IpcObject mailslot(String name, String listedFrom, List<FileHandle> holders, HandleSnapshot handles) {
		MailslotInformation info = holders.stream().map(FileHandle::mailslot).filter(m -> m != null).findFirst()
				.orElse(null);
		Map<String, String> details = new LinkedHashMap<>();
		String problem = null;
		if (info != null) {
			details.put(MAX_MESSAGE, info.describeMaximumMessageSize());
			details.put(NEXT_MESSAGE, info.describeNextMessageSize());
			details.put(MESSAGES, Long.toString(info.messagesAvailable()));
		} else {
			// Only the creator's handle answers, and it may be in a process that could not be opened.
			problem = "message size and count unknown: the mailslot's own handle could not be asked";
		}
		details.put(NamedPipeCollector.LISTED_FROM, listedFrom);
		details.put(NamespaceObjects.NT_PATH, DeviceDirectory.MAILSLOTS + name);
		return new IpcObject(IpcKind.MAILSLOT, NAMESPACE + "\\" + name, NAMESPACE, IpcObject.UNKNOWN_SIZE, details,
				PipeOwners.owners(holders, handles), problem);
	}
}
