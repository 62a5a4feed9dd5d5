package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.IpcProvider;
import org.ipcscope.core.ProviderResult;
import org.osgi.service.component.annotations.Component;

/** System V shared memory segments, from the kernel's table in /proc/sysvipc/shm. */
@Component(service = IpcProvider.class)
public class SysvShmProvider implements IpcProvider {

	static final String NAMESPACE = "SysV";

	/** shm_perm.mode bit set once IPC_RMID was asked while processes are still attached. */
	private static final int SHM_DEST = 01000;

	private final Path table;

	public SysvShmProvider() {
		this(Path.of("/proc/sysvipc/shm"));
	}

	SysvShmProvider(Path table) {
		this.table = table;
	}

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.SYSV_SHM);
	}

	@Override
	public ProviderResult list() {
		List<String> lines;
		try {
			lines = Files.readAllLines(table);
		} catch (NoSuchFileException e) {
			return new ProviderResult(List.of(), List.of(table + " does not exist: the kernel has no System V IPC"));
		} catch (IOException | SecurityException e) {
			return new ProviderResult(List.of(), List.of(table + ": " + e.getMessage()));
		}
		UserNames users = UserNames.ofSystem();
		List<IpcObject> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Map<String, String> row : SysvTable.parse(lines)) {
			try {
				objects.add(toObject(row, users));
			} catch (RuntimeException e) {
				problems.add(table + ": unreadable line " + row + ": " + e.getMessage());
			}
		}
		return new ProviderResult(objects, problems);
	}

	private static IpcObject toObject(Map<String, String> row, UserNames users) {
		int key = Integer.parseInt(row.get("key"));
		String shmid = row.get("shmid");
		int mode = Integer.parseInt(row.get("perms"), 8);
		// IPC_PRIVATE segments share key 0; only the id tells them apart
		String name = key == 0 ? "IPC_PRIVATE #" + shmid : String.format("0x%08x", key);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Key", String.format("0x%08x", key));
		details.put("Shmid", shmid);
		details.put("Owner", users.describe(Integer.parseInt(row.get("uid"))));
		details.put("Creator", users.describe(Integer.parseInt(row.get("cuid"))));
		details.put("Permissions", String.format("%03o", mode & 0777));
		details.put("Attach count", row.get("nattch"));
		details.put("Creator pid", row.get("cpid"));
		details.put("Last pid", row.get("lpid"));
		if (row.containsKey("rss")) {
			details.put("Resident bytes", row.get("rss"));
		}
		if ((mode & SHM_DEST) != 0) {
			details.put("State", "removed, still attached");
		}
		return new IpcObject(IpcKind.SYSV_SHM, name, NAMESPACE, Long.parseLong(row.get("size")), details);
	}
}
