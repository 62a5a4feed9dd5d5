package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;

/**
 * System V IPC from the kernel's tables in /proc/sysvipc: shared memory, semaphore sets and
 * message queues, with every column ipcs shows. Processes attached to a segment are found in
 * their maps, where the inode of a SysV mapping is its shmid.
 */
final class SysvCollector implements Collector {

	static final String NAMESPACE = "SysV";

	/** shm_perm.mode bit set once IPC_RMID was asked while processes are still attached. */
	private static final int SHM_DEST = 01000;

	private final Path directory;

	SysvCollector(Path directory) {
		this.directory = directory;
	}

	@Override
	public Set<IpcKind> kinds() {
		return EnumSet.of(IpcKind.SYSV_SHM, IpcKind.SYSV_SEM, IpcKind.SYSV_MSG);
	}

	@Override
	public void collect(InventoryRequest request, ProcessTable processes, List<IpcObject> out, List<String> problems) {
		UserNames users = processes.users();
		// the tables first: the processes attached wait for the /proc scan, which runs meanwhile
		List<Map<String, String>> segments = request.wants(IpcKind.SYSV_SHM) ? table("shm", problems) : List.of();
		List<Map<String, String>> semaphores = request.wants(IpcKind.SYSV_SEM) ? table("sem", problems) : List.of();
		List<Map<String, String>> queues = request.wants(IpcKind.SYSV_MSG) ? table("msg", problems) : List.of();
		for (Map<String, String> row : semaphores) {
			add(out, problems, row, () -> semaphores(row, users));
		}
		if (!segments.isEmpty()) {
			Map<Long, List<Owner>> attached = attachedByShmid(processes);
			for (Map<String, String> row : segments) {
				add(out, problems, row, () -> segment(row, users, attached));
			}
		}
		for (Map<String, String> row : queues) {
			add(out, problems, row, () -> queue(row, users, processes));
		}
	}

	private interface RowReader {
		IpcObject read();
	}

	private void add(List<IpcObject> out, List<String> problems, Map<String, String> row, RowReader reader) {
		try {
			out.add(reader.read());
		} catch (RuntimeException e) {
			problems.add(directory + ": unreadable line " + row + ": " + e.getMessage());
		}
	}

	private List<Map<String, String>> table(String name, List<String> problems) {
		Path file = directory.resolve(name);
		try {
			return SysvTable.parse(Files.readAllLines(file));
		} catch (NoSuchFileException e) {
			problems.add(file + " does not exist: the kernel has no System V IPC");
		} catch (IOException | SecurityException e) {
			problems.add(file + ": " + e.getMessage());
		}
		return List.of();
	}

	private static Map<Long, List<Owner>> attachedByShmid(ProcessTable processes) {
		Map<Long, List<Owner>> attached = new java.util.HashMap<>();
		processes.mappings().forEach((path, mappings) -> {
			if (path.startsWith("/SYSV")) {
				for (ProcessTable.Mapping mapping : mappings) {
					attached.computeIfAbsent(mapping.inode(), id -> new ArrayList<>()).add(processes.owner(mapping));
				}
			}
		});
		return attached;
	}

	private static String keyName(String keyText, String idText) {
		int key = Integer.parseInt(keyText);
		// IPC_PRIVATE objects share key 0; only the id tells them apart
		return key == 0 ? "IPC_PRIVATE #" + idText : hexKey(key);
	}

	/** "0x0000abcd", as ipcs shows keys (String.format is slow on a cold command line). */
	static String hexKey(int key) {
		String hex = Integer.toHexString(key);
		return "0x" + "0".repeat(Math.max(0, 8 - hex.length())) + hex;
	}

	private static String octal(int mode) {
		String octal = Integer.toOctalString(mode);
		return "0".repeat(Math.max(0, 3 - octal.length())) + octal;
	}

	private static Map<String, String> common(Map<String, String> row, String idColumn, UserNames users,
			Map<String, Object> values) {
		int mode = Integer.parseInt(row.get("perms"), 8);
		values.put("key", Integer.toUnsignedLong(Integer.parseInt(row.get("key"))));
		values.put("id", Integer.parseInt(row.get(idColumn)));
		users.putValues(values, "uid", "user", Integer.parseInt(row.get("uid")));
		values.put("gid", Integer.parseInt(row.get("gid")));
		users.putValues(values, "creatorUid", "creatorUser", Integer.parseInt(row.get("cuid")));
		values.put("creatorGid", Integer.parseInt(row.get("cgid")));
		values.put("mode", mode & 0777);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Key", hexKey(Integer.parseInt(row.get("key"))));
		details.put("Id", row.get(idColumn));
		details.put("Owner", users.describe(Integer.parseInt(row.get("uid"))) + " group " + row.get("gid"));
		details.put("Creator", users.describe(Integer.parseInt(row.get("cuid"))) + " group " + row.get("cgid"));
		details.put("Permissions", octal(mode & 0777));
		return details;
	}

	private static IpcObject segment(Map<String, String> row, UserNames users, Map<Long, List<Owner>> attached) {
		String shmid = row.get("shmid");
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> details = common(row, "shmid", users, values);
		details.put("Attach count", row.get("nattch"));
		details.put("Creator pid", row.get("cpid"));
		details.put("Last pid", row.get("lpid"));
		values.put("attachCount", Long.parseLong(row.get("nattch")));
		values.put("creatorPid", Long.parseLong(row.get("cpid")));
		values.put("lastPid", Long.parseLong(row.get("lpid")));
		putTime(details, values, "Attached", "attached", row.get("atime"));
		putTime(details, values, "Detached", "detached", row.get("dtime"));
		putTime(details, values, "Changed", "changed", row.get("ctime"));
		if (row.containsKey("rss")) {
			details.put("Resident bytes", row.get("rss"));
			details.put("Swapped bytes", row.get("swap"));
			values.put("residentBytes", Long.parseLong(row.get("rss")));
			values.put("swappedBytes", Long.parseLong(row.get("swap")));
		}
		boolean removed = (Integer.parseInt(row.get("perms"), 8) & SHM_DEST) != 0;
		if (removed) {
			details.put("State", "removed, still attached");
		}
		values.put("removed", removed);
		return new IpcObject(IpcKind.SYSV_SHM, keyName(row.get("key"), shmid), NAMESPACE,
				Long.parseLong(row.get("size")), details, attached.getOrDefault(Long.parseLong(shmid), List.of()), null,
				values);
	}

	private static IpcObject semaphores(Map<String, String> row, UserNames users) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> details = common(row, "semid", users, values);
		details.put("Semaphores", row.get("nsems"));
		values.put("semaphores", Long.parseLong(row.get("nsems")));
		putTime(details, values, "Last operation", "lastOperation", row.get("otime"));
		putTime(details, values, "Changed", "changed", row.get("ctime"));
		return new IpcObject(IpcKind.SYSV_SEM, keyName(row.get("key"), row.get("semid")), NAMESPACE,
				IpcObject.UNKNOWN_SIZE, details, List.of(), null, values);
	}

	private static IpcObject queue(Map<String, String> row, UserNames users, ProcessTable processes) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> details = common(row, "msqid", users, values);
		details.put("Messages", row.get("qnum"));
		details.put("Bytes queued", row.get("cbytes"));
		details.put("Last sender pid", describePid(row.get("lspid"), processes));
		details.put("Last receiver pid", describePid(row.get("lrpid"), processes));
		values.put("messages", Long.parseLong(row.get("qnum")));
		values.put("bytesQueued", Long.parseLong(row.get("cbytes")));
		values.put("lastSenderPid", Long.parseLong(row.get("lspid")));
		values.put("lastReceiverPid", Long.parseLong(row.get("lrpid")));
		putTime(details, values, "Last send", "lastSend", row.get("stime"));
		putTime(details, values, "Last receive", "lastReceive", row.get("rtime"));
		putTime(details, values, "Changed", "changed", row.get("ctime"));
		return new IpcObject(IpcKind.SYSV_MSG, keyName(row.get("key"), row.get("msqid")), NAMESPACE,
				Long.parseLong(row.get("cbytes")), details, List.of(), null, values);
	}

	private static String describePid(String pid, ProcessTable processes) {
		String name = "0".equals(pid) ? null : processes.name(Long.parseLong(pid));
		return name == null ? pid : name + " (" + pid + ")";
	}

	/** The time as ISO-8601 for display and as epoch seconds for programs (0: never). */
	private static void putTime(Map<String, String> details, Map<String, Object> values, String label, String key,
			String epochSeconds) {
		if (epochSeconds != null) {
			long seconds = Long.parseLong(epochSeconds);
			details.put(label, seconds == 0 ? "never" : java.time.Instant.ofEpochSecond(seconds).toString());
			values.put(key, seconds);
		}
	}
}
