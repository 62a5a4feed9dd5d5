package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.text.NameBytes;

/**
 * POSIX message queues from the mqueue file system. Reading a queue's file gives its status
 * line and never takes a message. Holders are descriptors on the same device with the queue's
 * name as their link text.
 */
final class PosixMqCollector implements Collector {

	static final String NAMESPACE = "/dev/mqueue";

	private final Path directory;

	PosixMqCollector(Path directory) {
		this.directory = directory;
	}

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.POSIX_MQ);
	}

	@Override
	public void collect(InventoryRequest request, ProcessTable processes, List<IpcObject> out, List<String> problems) {
		Object device;
		try {
			device = Files.getAttribute(directory, "unix:dev");
		} catch (NoSuchFileException e) {
			problems.add(directory + " is not mounted: POSIX message queues cannot be listed");
			return;
		} catch (IOException | SecurityException | UnsupportedOperationException e) {
			problems.add(directory + ": " + e.getMessage());
			return;
		}
		UserNames users = processes.users();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				try {
					out.add(describe(entry, device, users, processes));
				} catch (NoSuchFileException e) {
					// unlinked while listing
				} catch (IOException e) {
					problems.add(entry + ": " + e.getMessage());
				}
			}
		} catch (IOException | SecurityException e) {
			problems.add(directory + ": " + e.getMessage());
		}
	}

	private static IpcObject describe(Path entry, Object device, UserNames users, ProcessTable processes)
			throws IOException {
		String path = NameBytes.name(entry);
		String name = path.substring(path.lastIndexOf('/'));
		PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class);
		Map<String, String> details = new LinkedHashMap<>();
		Map<String, Object> values = new LinkedHashMap<>();
		// "QSIZE:12 NOTIFY:0 SIGNO:0 NOTIFY_PID:0"
		String status = Files.readString(entry).strip();
		long queued = IpcObject.UNKNOWN_SIZE;
		for (String field : Blanks.split(status)) {
			int colon = field.indexOf(':');
			if (colon > 0) {
				String key = field.substring(0, colon);
				String value = field.substring(colon + 1);
				switch (key) {
				case "QSIZE" -> queued = Long.parseLong(value);
				case "NOTIFY_PID" -> details.put("Notified pid", value);
				default -> details.put(key.charAt(0) + key.substring(1).toLowerCase(), value);
				}
				putNumber(values, key, value);
			}
		}
		details.put("Bytes queued", queued == IpcObject.UNKNOWN_SIZE ? "unknown" : Long.toString(queued));
		int uid = (Integer) Files.getAttribute(entry, "unix:uid");
		details.put("Owner", users.describe(uid));
		users.putValues(values, "uid", "user", uid);
		details.put("Permissions", PosixFilePermissions.toString(attributes.permissions()));
		values.put("mode", FileModes.bits(attributes.permissions()));
		List<Owner> owners = new ArrayList<>();
		for (ProcessTable.Descriptor descriptor : processes.descriptorsOf(name)) {
			// a gone descriptor has no device: it is left out
			if (device.equals(processes.device(descriptor))) {
				owners.add(processes.owner(descriptor, true));
			}
		}
		return new IpcObject(IpcKind.POSIX_MQ, name, NAMESPACE, queued, details, owners, null, values);
	}

	/** The status line's numbers under their own keys: QSIZE as bytesQueued, NOTIFY_PID as notifiedPid... */
	private static void putNumber(Map<String, Object> values, String field, String text) {
		String key = switch (field) {
		case "QSIZE" -> "bytesQueued";
		case "NOTIFY_PID" -> "notifiedPid";
		case "NOTIFY" -> "notify";
		case "SIGNO" -> "signal";
		default -> null;
		};
		if (key != null) {
			try {
				values.put(key, Long.parseLong(text));
			} catch (NumberFormatException e) {
				// the display string keeps what the kernel wrote; no number to give
			}
		}
	}
}
