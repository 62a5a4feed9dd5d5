package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.Owner;
import org.ipcscope.core.text.NameBytes;

/**
 * Named pipes (mkfifo): those some process holds open, found through /proc/PID/fd, and those
 * lying in the directories the request names ({@link InventoryRequest#fifoDirectories()}).
 */
final class FifoCollector implements Collector {

	private static final int S_IFMT = 0170000;
	private static final int S_IFIFO = 0010000;
	/** Link texts under these never are FIFOs worth a stat. */
	private static final List<String> SKIPPED = List.of("/dev/", "/proc/", "/sys/", "/memfd:");

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.FIFO);
	}

	@Override
	public void collect(InventoryRequest request, ProcessTable processes, List<IpcObject> out, List<String> problems) {
		Map<String, List<Owner>> fifos = new TreeMap<>();
		Map<String, Boolean> isFifo = new HashMap<>();
		List<ProcessTable.Descriptor> ends = new ArrayList<>();
		for (ProcessTable.Descriptor descriptor : processes.descriptors()) {
			String target = descriptor.target();
			if (!target.startsWith("/") || isSkipped(target)) {
				continue;
			}
			// stat through the descriptor: it still works when the path was renamed or unlinked
			if (descriptor.mode() != ProcessTable.UNKNOWN ? isFifo(descriptor.mode())
					: isFifo.computeIfAbsent(target, t -> isFifo(processes.mode(descriptor)))) {
				ends.add(descriptor);
			}
		}
		for (ProcessTable.Descriptor descriptor : ends) {
			fifos.computeIfAbsent(descriptor.target(), t -> new ArrayList<>()).add(processes.owner(descriptor, true));
		}
		for (Path directory : request.fifoDirectories()) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
				for (Path entry : entries) {
					if (isFifo(entry)) {
						fifos.putIfAbsent(NameBytes.name(entry), new ArrayList<>());
					}
				}
			} catch (IOException e) {
				// the JDK's message is the bare path: say what is wrong with it
				problems.add("FIFO directory " + FileProblems.describe(e));
			} catch (SecurityException e) {
				problems.add("FIFO directory " + directory + ": " + e.getMessage());
			}
		}
		UserNames users = processes.users();
		fifos.forEach((path, owners) -> out.add(describe(path, owners, users)));
	}

	private static boolean isSkipped(String target) {
		for (String prefix : SKIPPED) {
			if (target.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isFifo(Path path) {
		try {
			return isFifo((Integer) Files.getAttribute(path, "unix:mode"));
		} catch (IOException | SecurityException | UnsupportedOperationException e) {
			return false;
		}
	}

	private static boolean isFifo(int mode) {
		return mode != ProcessTable.UNKNOWN && (mode & S_IFMT) == S_IFIFO;
	}

	private static IpcObject describe(String path, List<Owner> owners, UserNames users) {
		Map<String, String> details = new LinkedHashMap<>();
		Map<String, Object> values = new LinkedHashMap<>();
		int slash = path.lastIndexOf('/');
		String parent = slash <= 0 ? "/" : path.substring(0, slash);
		String problem = null;
		try {
			Path file = NameBytes.path(path);
			// one stat for both
			Map<String, Object> attributes = Files.readAttributes(file, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
			details.put("Owner", users.describe((Integer) attributes.get("uid")));
			users.putValues(values, "uid", "user", (Integer) attributes.get("uid"));
			details.put("Permissions", permissions((Integer) attributes.get("mode")));
			values.put("mode", (Integer) attributes.get("mode") & 0777);
		} catch (IOException | SecurityException | InvalidPathException e) {
			problem = "no longer reachable by its path (unlinked or renamed)";
		}
		details.put("Readers", count(owners, "read"));
		details.put("Writers", count(owners, "write"));
		values.put("readers", Long.parseLong(details.get("Readers")));
		values.put("writers", Long.parseLong(details.get("Writers")));
		return new IpcObject(IpcKind.FIFO, path, parent, IpcObject.UNKNOWN_SIZE,
				details, owners, problem, values);
	}

	/** "rw-r--r--" from a mode's lower nine bits. */
	static String permissions(int mode) {
		char[] text = "rwxrwxrwx".toCharArray();
		for (int bit = 0; bit < 9; bit++) {
			if ((mode & (0400 >> bit)) == 0) {
				text[bit] = '-';
			}
		}
		return new String(text);
	}

	static String count(List<Owner> owners, String end) {
		int n = 0;
		for (Owner owner : owners) {
			if (owner.access() != null && owner.access().contains(end)) {
				n++;
			}
		}
		return Integer.toString(n);
	}
}
