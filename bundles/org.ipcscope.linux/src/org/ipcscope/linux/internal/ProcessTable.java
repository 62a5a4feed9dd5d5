package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.Owner;

/**
 * One pass over /proc ({@link ProcScan}, or {@link JavaProcScan} where the native scanner cannot
 * run): each process's name, the targets of its open descriptors and, when asked, its shared
 * mappings, indexed for the collectors' look-ups. Everything the owner look-ups need is read here
 * once per refresh, so that the kinds do not walk /proc each on their own.
 */
final class ProcessTable {

	/** Where a descriptor's stat is not known yet: asked of the file system when needed. */
	static final int UNKNOWN = -1;

	/**
	 * An open descriptor: {@code target} is the link text, e.g. {@code pipe:[1234]} or a path.
	 * {@code linkMode} is the st_mode of the /proc link (its permission bits are the open mode),
	 * {@code mode} and {@code device} those of what it points to; {@link #UNKNOWN} when not read
	 * with the scan.
	 */
	record Descriptor(long pid, int fd, String target, int linkMode, int mode, long device) {

		Descriptor(long pid, int fd, String target) {
			this(pid, fd, target, UNKNOWN, UNKNOWN, UNKNOWN);
		}
	}

	/** A shared mapping from /proc/PID/maps. */
	record Mapping(long pid, String path, long inode, long length, String permissions) {
	}

	/** What one process holds; read in parallel with the others. */
	record ProcessRecord(long pid, String name, List<Descriptor> descriptors, List<Mapping> mappings,
			boolean hidden) {
	}

	private final Path proc;
	private final Map<Long, String> names = new HashMap<>();
	private final Map<String, List<Descriptor>> byTarget = new HashMap<>();
	/** Socket descriptors by inode: sockets are looked up by the inode their tables give. */
	private final Map<Long, List<Descriptor>> socketsByInode = new HashMap<>();
	private final Map<String, List<Mapping>> mappingsByPath = new HashMap<>();
	private final List<Descriptor> descriptors = new ArrayList<>();
	private int hiddenProcesses;
	private UserNames users;
	private Map<Long, Long> socketPeers;
	private String socketPeersProblem;
	/** The native scan while it runs: collectors read their kernel tables meanwhile. */
	private ProcScan.Running running;
	private boolean withMappings;

	private ProcessTable(Path proc) {
		this.proc = proc;
	}

	/**
	 * Starts the scan; it is complete when first asked for processes. With the native scanner it
	 * runs beside the caller, which may read other tables meanwhile.
	 *
	 * @param withMappings whether to read each process's maps (only shared memory needs them)
	 * @param withPeers    whether to read the peers of Unix sockets along (only they need them)
	 */
	static ProcessTable scan(Path proc, boolean withMappings, boolean withPeers) {
		ProcessTable table = new ProcessTable(proc);
		table.withMappings = withMappings;
		table.running = ProcScan.start(proc, withMappings, withPeers);
		return table.running != null ? table : scanInJava(table, withMappings);
	}

	/** Set once the table is filled: the collectors' many look-ups then take no lock. */
	private volatile boolean completed;

	/** Waits for the native scan (or, if it failed, scans in Java); collectors may call in parallel. */
	private void complete() {
		if (!completed) {
			completeOnce();
		}
	}

	private synchronized void completeOnce() {
		if (running != null) {
			ProcScan.Result scanned = running.finish();
			running = null;
			if (scanned == null) {
				scanInJava(this, withMappings);
			} else {
				add(scanned.processes());
				socketPeers = scanned.peers();
				socketPeersProblem = scanned.peersProblem();
			}
		}
		completed = true;
	}

	/** Stops a native scan nobody will read (its output would fill the pipe and block it). */
	synchronized void abandon() {
		if (running != null) {
			running.process().destroy();
			running = null;
		}
	}

	/** The same scan without the native helper (not built for this machine, or not allowed to run). */
	static ProcessTable scanInJava(Path proc, boolean withMappings) {
		return scanInJava(new ProcessTable(proc), withMappings);
	}

	private static ProcessTable scanInJava(ProcessTable table, boolean withMappings) {
		List<ProcessRecord> records = JavaProcScan.scan(table.proc, withMappings);
		if (records == null) {
			table.hiddenProcesses = -1;
		} else {
			table.add(records);
		}
		return table;
	}

	private void add(List<ProcessRecord> records) {
		for (ProcessRecord record : records) {
			names.put(record.pid(), record.name());
			if (record.hidden()) {
				hiddenProcesses++;
			}
			for (Descriptor descriptor : record.descriptors()) {
				descriptors.add(descriptor);
				long socket = socketInode(descriptor.target());
				if (socket >= 0) {
					socketsByInode.computeIfAbsent(socket, t -> new ArrayList<>(2)).add(descriptor);
				} else {
					byTarget.computeIfAbsent(descriptor.target(), t -> new ArrayList<>(2)).add(descriptor);
				}
			}
			for (Mapping mapping : record.mappings()) {
				mappingsByPath.computeIfAbsent(mapping.path(), p -> new ArrayList<>(2)).add(mapping);
			}
		}
	}

	/** @return the user names, read from /etc/passwd once per refresh for every collector */
	synchronized UserNames users() {
		if (users == null) {
			users = UserNames.ofSystem();
		}
		return users;
	}

	/** @return the process's command name, or {@code null} */
	String name(long pid) {
		complete();
		return names.get(pid);
	}

	List<Descriptor> descriptors() {
		complete();
		return descriptors;
	}

	List<Descriptor> descriptorsOf(String target) {
		complete();
		long socket = socketInode(target);
		return socket >= 0 ? socketsByInode.getOrDefault(socket, List.of()) : byTarget.getOrDefault(target, List.of());
	}

	private static final String SOCKET = "socket:[";

	/** @return N of a "socket:[N]" link text, else -1 */
	private static long socketInode(String target) {
		int end = target.length() - 1;
		if (!target.startsWith(SOCKET) || end <= SOCKET.length() || target.charAt(end) != ']') {
			return -1;
		}
		long inode = 0;
		for (int i = SOCKET.length(); i < end; i++) {
			int digit = target.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			inode = inode * 10 + digit;
		}
		return inode;
	}

	/** Owners holding the socket with this inode. */
	List<Owner> socketOwners(long inode) {
		complete();
		return owners(socketsByInode.getOrDefault(inode, List.of()), false);
	}

	Map<String, List<Mapping>> mappings() {
		complete();
		return mappingsByPath;
	}

	/** Owners holding {@code target} open; reads each descriptor's access mode when asked. */
	List<Owner> owners(String target, boolean withAccess) {
		return owners(descriptorsOf(target), withAccess);
	}

	private List<Owner> owners(List<Descriptor> held, boolean withAccess) {
		List<Owner> owners = new ArrayList<>(held.size());
		for (Descriptor descriptor : held) {
			owners.add(owner(descriptor, withAccess));
		}
		return owners;
	}

	Owner owner(Descriptor descriptor, boolean withAccess) {
		return new Owner(descriptor.pid(), name(descriptor.pid()), handle(descriptor.fd()),
				withAccess ? access(descriptor) : null);
	}

	private static final String[] LOW_HANDLES = new String[256];

	/** "fd N": most descriptors are small numbers, whose text is made once. */
	private static String handle(int fd) {
		if (fd < 0 || fd >= LOW_HANDLES.length) {
			return "fd " + fd;
		}
		String handle = LOW_HANDLES[fd];
		if (handle == null) {
			handle = "fd " + fd;
			LOW_HANDLES[fd] = handle; // a race only makes an equal String twice
		}
		return handle;
	}

	Owner owner(Mapping mapping) {
		return new Owner(mapping.pid(), name(mapping.pid()), "mapped", mapping.permissions());
	}

	/**
	 * @return read, write or read/write, or null if the descriptor is gone. The kernel shows a
	 *         descriptor's open mode as the permissions of its /proc link: one lstat, where
	 *         fdinfo would take an open, a read and a close.
	 */
	String access(Descriptor descriptor) {
		boolean read;
		boolean write;
		if (descriptor.linkMode() != UNKNOWN) {
			read = (descriptor.linkMode() & 0400) != 0;
			write = (descriptor.linkMode() & 0200) != 0;
		} else {
			try {
				Set<PosixFilePermission> mode = Files.readAttributes(descriptorPath(descriptor),
						PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions();
				read = mode.contains(PosixFilePermission.OWNER_READ);
				write = mode.contains(PosixFilePermission.OWNER_WRITE);
			} catch (IOException | SecurityException e) {
				return null;
			}
		}
		return read && write ? "read/write" : write ? "write" : read ? "read" : null;
	}

	/**
	 * @return the st_mode of what the descriptor points to, or {@link #UNKNOWN} if it is gone
	 */
	int mode(Descriptor descriptor) {
		return descriptor.mode() != UNKNOWN ? descriptor.mode() : targetAttribute(descriptor, "unix:mode").intValue();
	}

	/**
	 * @return the device of what the descriptor points to, or {@link #UNKNOWN} if it is gone
	 */
	long device(Descriptor descriptor) {
		return descriptor.device() != UNKNOWN ? descriptor.device() : targetAttribute(descriptor, "unix:dev").longValue();
	}

	private Number targetAttribute(Descriptor descriptor, String attribute) {
		try {
			return (Number) Files.getAttribute(descriptorPath(descriptor), attribute);
		} catch (IOException | SecurityException | UnsupportedOperationException e) {
			return UNKNOWN;
		}
	}

	/**
	 * @return socket inode to peer inode, read with the scan or else through netlink now
	 * @throws IllegalStateException with a message fit for the user when the kernel refuses
	 */
	Map<Long, Long> unixSocketPeers() {
		complete();
		if (socketPeersProblem != null) {
			throw new IllegalStateException(socketPeersProblem);
		}
		return socketPeers != null ? socketPeers : UnixSocketPeers.read();
	}

	/** Path of a descriptor's link, to stat what it points to. */
	Path descriptorPath(Descriptor descriptor) {
		return proc.resolve(Long.toString(descriptor.pid())).resolve("fd").resolve(Integer.toString(descriptor.fd()));
	}

	/**
	 * @return why an object without owners may still have some, or null when every process
	 *         could be read
	 */
	String unknownOwnersReason() {
		complete();
		return hiddenProcesses == 0 ? null
				: "owners unknown: " + (hiddenProcesses < 0 ? "/proc unreadable" : hiddenProcesses
						+ " processes of other users are not visible (run as their user or as root)");
	}

	/**
	 * @return a problem to show when some processes' descriptors could not be read, else null
	 */
	String visibilityProblem() {
		complete();
		if (hiddenProcesses < 0) {
			return proc + " could not be listed: owners unknown";
		}
		if (hiddenProcesses == 0) {
			return null;
		}
		return "owners in " + hiddenProcesses + " processes not visible: they belong to other users";
	}
}
