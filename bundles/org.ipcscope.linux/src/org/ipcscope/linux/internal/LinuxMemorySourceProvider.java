package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.memory.FileMemorySource;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.MemorySourceProvider;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.text.NameBytes;
import org.osgi.service.component.annotations.Component;

/**
 * Opens Linux shared memory: POSIX segments as their files in /dev/shm (or, once unlinked,
 * through a holder's /proc/PID/fd link), SysV segments by attaching them.
 */
@Component(service = MemorySourceProvider.class)
public class LinuxMemorySourceProvider implements MemorySourceProvider {

	private static final Pattern KEY = Pattern.compile("(?i)0x[0-9a-f]{1,8}");
	private static final Pattern ID = Pattern.compile("(?i)(?:IPC_PRIVATE\\s*)?#\\s*(\\d+)|(?:shmid|id)\\s*[:=]?\\s*(\\d+)");
	private static final Pattern FD = Pattern.compile("fd (\\d+)");
	private static final int S_IFMT = 0170000;
	private static final int S_IFREG = 0100000;

	private final Path shm;

	public LinuxMemorySourceProvider() {
		this(Path.of(PosixShmCollector.NAMESPACE));
	}

	LinuxMemorySourceProvider(Path shm) {
		this.shm = shm;
	}

	@Override
	public List<String> namespaces() {
		return List.of(PosixShmCollector.NAMESPACE, SysvCollector.NAMESPACE);
	}

	/** Takes the name as it is: {@code '/a '} is not {@code /a}, and every byte reaches the system. */
	@Override
	public Optional<IpcObject> lookup(String name, String namespace) throws IOException {
		if (namespace == null || namespace.equals(PosixShmCollector.NAMESPACE)) {
			Optional<IpcObject> posix = lookupPosix(name);
			if (posix.isPresent() || namespace != null) {
				return posix;
			}
		}
		return lookupSysv(name);
	}

	private Optional<IpcObject> lookupPosix(String name) throws IOException {
		String directory = NameBytes.name(shm);
		String file = name.startsWith(directory + "/") ? name.substring(directory.length() + 1)
				: name.startsWith("/") ? name.substring(1) : name;
		if (file.isEmpty() || file.contains("/") || file.indexOf('\0') >= 0 || file.equals(".") || file.equals("..")) {
			return Optional.empty();
		}
		Path path;
		Map<String, Object> attributes;
		try {
			path = NameBytes.path(directory + "/" + file);
			attributes = Files.readAttributes(path, "unix:mode,size", LinkOption.NOFOLLOW_LINKS);
		} catch (InvalidPathException | NoSuchFileException e) {
			return Optional.empty();
		} catch (AccessDeniedException e) {
			throw e;
		} catch (FileSystemException e) {
			// too long, or a component that is no directory: no segment has such a name
			return Optional.empty();
		}
		int mode = (Integer) attributes.get("mode");
		if ((mode & S_IFMT) != S_IFREG) {
			// planted by anyone (/dev/shm is everyone's): say what it is, never open it
			throw new RegularFiles.NotRegularFileException(NameBytes.name(path), mode);
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Path", NameBytes.name(path));
		return Optional.of(new IpcObject(IpcKind.POSIX_SHM, "/" + file, PosixShmCollector.NAMESPACE,
				(Long) attributes.get("size"), details));
	}

	private static Optional<IpcObject> lookupSysv(String name) throws IOException {
		int id;
		Matcher idMatch = ID.matcher(name);
		if (KEY.matcher(name).matches()) {
			id = SysvShm.idOfKey(Integer.parseUnsignedInt(name.substring(2), 16));
		} else if (idMatch.matches()) {
			// a shmid is an int: more digits name no segment (and Integer.parseInt threw on them)
			String digits = (idMatch.group(1) != null ? idMatch.group(1) : idMatch.group(2)).replaceFirst("^0+(?=.)", "");
			if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
				return Optional.empty();
			}
			id = Integer.parseInt(digits);
		} else {
			return Optional.empty();
		}
		ShmStat stat = id < 0 ? null : SysvShm.stat(id);
		if (stat == null) {
			return Optional.empty();
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Id", Integer.toString(id));
		String label = KEY.matcher(name).matches() ? String.format("0x%08x", Integer.parseUnsignedInt(name.substring(2), 16))
				: "IPC_PRIVATE #" + id;
		return Optional.of(new IpcObject(IpcKind.SYSV_SHM, label, SysvCollector.NAMESPACE, stat.size(), details));
	}

	@Override
	public boolean canOpen(IpcObject object) {
		return object.kind() == IpcKind.POSIX_SHM
				|| object.kind() == IpcKind.SYSV_SHM && object.details().containsKey("Id");
	}

	@Override
	public MemorySource open(IpcObject object, boolean writable) throws IOException {
		if (object.kind() == IpcKind.SYSV_SHM) {
			String id = object.details().get("Id");
			if (id == null) {
				throw new IOException("The shmid of " + object.name() + " is not known");
			}
			return SysvMemorySource.attach("SysV " + object.name(), Integer.parseInt(id), writable);
		}
		if (object.kind() != IpcKind.POSIX_SHM) {
			throw new IOException(object.kind().label() + " is not shared memory this provider opens");
		}
		return openPosix(object, writable);
	}

	/**
	 * The file in /dev/shm, or for a segment already unlinked a descriptor some holder keeps;
	 * opened only if it is a regular file ({@link RegularFiles}).
	 */
	private MemorySource openPosix(IpcObject object, boolean writable) throws IOException {
		String file = object.name().startsWith("/") ? object.name().substring(1) : object.name();
		Path path;
		try {
			path = NameBytes.path(NameBytes.name(shm) + "/" + file);
		} catch (InvalidPathException e) {
			throw new SourceGoneException(object.name() + " is not a name a file can have");
		}
		if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return FileMemorySource.of(NameBytes.name(path), path, RegularFiles.open(path, false, writable), writable);
		}
		for (Owner owner : object.owners()) {
			Matcher fd = owner.handle() == null ? null : FD.matcher(owner.handle());
			if (fd != null && fd.matches()) {
				Path link = Path.of("/proc", Long.toString(owner.pid()), "fd", fd.group(1));
				if (Files.isReadable(link)) {
					// the kernel's link to what the holder has open: followed, and checked like the rest
					return FileMemorySource.of(NameBytes.name(path), link, RegularFiles.open(link, true, writable),
							writable);
				}
			}
		}
		throw new SourceGoneException(NameBytes.name(path) + " does not exist any more");
	}
}
