package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.text.NameBytes;

/**
 * POSIX shared memory: glibc's shm_open creates files in /dev/shm. Files named {@code sem.*} are
 * POSIX semaphores and left out. Segments already unlinked but still mapped or open are found
 * through the processes that hold them ("... (deleted)" in their maps and descriptors).
 */
final class PosixShmCollector implements Collector {

	static final String NAMESPACE = "/dev/shm";
	private static final String DELETED = " (deleted)";

	private final Path directory;

	PosixShmCollector(Path directory) {
		this.directory = directory;
	}

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.POSIX_SHM);
	}

	@Override
	public void collect(InventoryRequest request, ProcessTable processes, List<IpcObject> out, List<String> problems) {
		UserNames users = processes.users();
		// the segments first: their holders wait for the /proc scan, which runs meanwhile
		List<IpcObject> segments = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				if (!fileName(entry).startsWith("sem.")) {
					IpcObject object = describe(entry, users);
					if (object != null) {
						segments.add(object);
					}
				}
			}
		} catch (NoSuchFileException e) {
			problems.add(directory + " is not mounted: no POSIX shared memory to list");
		} catch (IOException | SecurityException e) {
			problems.add(directory + ": " + e.getMessage());
		}
		for (IpcObject segment : segments) {
			out.add(segment.withOwners(holders(processes, NAMESPACE + segment.name())));
		}
		out.addAll(unlinked(processes));
	}

	/** @return the segment without its holders, or {@code null} if it is not one */
	private IpcObject describe(Path entry, UserNames users) {
		String name = "/" + fileName(entry);
		try {
			// one stat for all of them
			Map<String, Object> attributes = Files.readAttributes(entry,
					"unix:isRegularFile,size,uid,permissions,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
			if (!(Boolean) attributes.get("isRegularFile")) {
				return null;
			}
			Map<String, String> details = new LinkedHashMap<>();
			Map<String, Object> values = new LinkedHashMap<>();
			details.put("Path", NameBytes.name(entry));
			details.put("Owner", users.describe((Integer) attributes.get("uid")));
			users.putValues(values, "uid", "user", (Integer) attributes.get("uid"));
			@SuppressWarnings("unchecked")
			Set<PosixFilePermission> permissions = (Set<PosixFilePermission>) attributes.get("permissions");
			details.put("Permissions", PosixFilePermissions.toString(permissions));
			values.put("mode", FileModes.bits(permissions));
			FileTime modified = (FileTime) attributes.get("lastModifiedTime");
			details.put("Modified", modified.toString());
			values.put("modified", modified.toString());
			values.put("unlinked", false);
			return new IpcObject(IpcKind.POSIX_SHM, name, NAMESPACE, (Long) attributes.get("size"), details, List.of(),
					null, values);
		} catch (NoSuchFileException e) {
			// unlinked between listing and reading: if still held it shows up as unlinked
			return null;
		} catch (IOException | SecurityException e) {
			return new IpcObject(IpcKind.POSIX_SHM, name, NAMESPACE, IpcObject.UNKNOWN_SIZE,
					Map.of("Path", NameBytes.name(entry)), List.of(), "details unknown: " + e.getMessage());
		}
	}

	/** The entry's name with every byte: the JDK's String of it loses those that are not UTF-8. */
	private static String fileName(Path entry) {
		String path = NameBytes.name(entry);
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static List<Owner> holders(ProcessTable processes, String path) {
		List<Owner> owners = processes.owners(path, true);
		for (ProcessTable.Mapping mapping : processes.mappings().getOrDefault(path, List.of())) {
			owners.add(processes.owner(mapping));
		}
		return owners;
	}

	/** Segments gone from /dev/shm that processes still map or hold open. */
	private static List<IpcObject> unlinked(ProcessTable processes) {
		Map<String, List<Owner>> byPath = new TreeMap<>();
		Map<String, Long> mappedBytes = new TreeMap<>();
		processes.mappings().forEach((path, mappings) -> {
			if (path.startsWith(NAMESPACE + "/") && path.endsWith(DELETED)) {
				for (ProcessTable.Mapping mapping : mappings) {
					byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(processes.owner(mapping));
					mappedBytes.merge(path, mapping.length(), Math::max);
				}
			}
		});
		for (ProcessTable.Descriptor descriptor : processes.descriptors()) {
			String target = descriptor.target();
			if (target.startsWith(NAMESPACE + "/") && target.endsWith(DELETED)) {
				byPath.computeIfAbsent(target, p -> new ArrayList<>()).add(processes.owner(descriptor, true));
			}
		}
		List<IpcObject> objects = new ArrayList<>();
		byPath.forEach((path, owners) -> {
			String name = path.substring(NAMESPACE.length(), path.length() - DELETED.length());
			Map<String, String> details = new LinkedHashMap<>();
			Map<String, Object> values = new LinkedHashMap<>();
			details.put("State", "unlinked, still held");
			values.put("unlinked", true);
			Long bytes = mappedBytes.get(path);
			if (bytes != null) {
				details.put("Largest mapping", Long.toString(bytes));
				values.put("largestMapping", bytes);
			}
			objects.add(new IpcObject(IpcKind.POSIX_SHM, name, NAMESPACE, bytes == null ? IpcObject.UNKNOWN_SIZE : bytes,
					details, owners, null, values));
		});
		return objects;
	}
}
