package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.IpcProvider;
import org.ipcscope.core.ProviderResult;
import org.osgi.service.component.annotations.Component;

/**
 * POSIX shared memory objects: glibc's shm_open creates them as files in /dev/shm. Files named
 * {@code sem.*} there are POSIX semaphores, not memory, and are left out.
 */
@Component(service = IpcProvider.class)
public class PosixShmProvider implements IpcProvider {

	static final String NAMESPACE = "/dev/shm";

	private final Path directory;

	public PosixShmProvider() {
		this(Path.of(NAMESPACE));
	}

	PosixShmProvider(Path directory) {
		this.directory = directory;
	}

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.POSIX_SHM);
	}

	@Override
	public ProviderResult list() {
		List<IpcObject> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		UserNames users = UserNames.ofSystem();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				String fileName = entry.getFileName().toString();
				if (fileName.startsWith("sem.")) {
					continue;
				}
				describe(entry, users).ifPresent(objects::add);
			}
		} catch (NoSuchFileException e) {
			problems.add(directory + " is not mounted: no POSIX shared memory to list");
		} catch (IOException | SecurityException e) {
			problems.add(directory + ": " + e.getMessage());
		}
		return new ProviderResult(objects, problems);
	}

	private Optional<IpcObject> describe(Path entry, UserNames users) {
		String name = "/" + entry.getFileName();
		try {
			PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			Map<String, String> details = new LinkedHashMap<>();
			details.put("Path", entry.toString());
			int uid = (Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS);
			details.put("Owner", users.describe(uid));
			details.put("Permissions", PosixFilePermissions.toString(attributes.permissions()));
			details.put("Modified", attributes.lastModifiedTime().toString());
			return Optional.of(new IpcObject(IpcKind.POSIX_SHM, name, NAMESPACE, attributes.size(), details));
		} catch (NoSuchFileException e) {
			// unlinked between listing and reading: it no longer has a name to show
			return Optional.empty();
		} catch (IOException | SecurityException e) {
			return Optional.of(new IpcObject(IpcKind.POSIX_SHM, name, NAMESPACE, IpcObject.UNKNOWN_SIZE,
					Map.of("Path", entry.toString()), "details unknown: " + e.getMessage()));
		}
	}
}
