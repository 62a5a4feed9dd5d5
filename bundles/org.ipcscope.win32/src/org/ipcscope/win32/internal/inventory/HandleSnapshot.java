package org.ipcscope.win32.internal.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcscope.core.Owner;
import org.ipcscope.win32.internal.ProcessNames;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectInformation;
import org.ipcscope.win32.internal.nt.ObjectTypeNames;
import org.ipcscope.win32.internal.nt.ProcessHandles;
import org.ipcscope.win32.internal.nt.SystemHandle;
import org.ipcscope.win32.internal.nt.SystemHandleTable;

import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Every process's handles at one moment, read once per refresh and shared by all collectors:
 * who holds which named object. Windows gives object addresses to match handles by, Wine gives 0,
 * so handles are matched by the object's name, which is the same everywhere; names are looked up
 * only for the types a collector asks about, and never on this thread for File handles (see
 * {@link FileHandleInspector}).
 */
final class HandleSnapshot implements AutoCloseable {

	static final String FILE = "File";

	private final SystemHandleTable table;
	private List<SystemHandle> handles;
	private ProcessNames processNames;
	private String tableProblem;
	private final ObjectTypeNames typeNames;
	private final ProcessHandles processes = new ProcessHandles();
	private final ObjectInformation information = new ObjectInformation();
	private final FileHandleInspector fileInspector;
	private Map<String, List<SystemHandle>> byType;
	private final Map<String, Map<String, List<SystemHandle>>> byTypeAndName = new HashMap<>();
	private FileHandles files;

	/** Reads nothing yet: the table is read when a collector first asks, so kinds without owners cost nothing. */
	HandleSnapshot(SystemHandleTable table, ObjectTypeNames typeNames, FileHandleInspector fileInspector) {
		this.table = table;
		this.typeNames = typeNames;
		this.fileInspector = fileInspector;
	}

	private List<SystemHandle> handles() {
		if (handles == null) {
			try {
				handles = table.read();
			} catch (NtStatusException e) {
				tableProblem = "Owners unknown: " + e.getMessage();
				handles = List.of();
			}
		}
		return handles;
	}

	/** @return the handles of a type, for example "Section" */
	List<SystemHandle> ofType(String typeName) {
		return byType().getOrDefault(typeName, List.of());
	}

	/**
	 * @param typeName   any type but File
	 * @param objectName the object's full NT name, for example {@code \BaseNamedObjects\shm}
	 */
	List<Owner> owners(String typeName, String objectName) {
		if (FILE.equals(typeName)) {
			// Never in a namespace directory; and its names are only asked through files().
			return List.of();
		}
		return owners(byName(typeName).getOrDefault(objectName, List.of()));
	}

	/** @return the handles of a type with their object's name; unnamed objects are left out */
	Map<String, List<SystemHandle>> byName(String typeName) {
		if (FILE.equals(typeName)) {
			throw new IllegalArgumentException("File names can block: use files()");
		}
		return byTypeAndName.computeIfAbsent(typeName, this::nameAll);
	}

	/** @return what is known of the File handles that are pipes or mailslots (looked up once) */
	FileHandles files() {
		if (files == null) {
			files = fileInspector.inspect(ofType(FILE), processes);
		}
		return files;
	}

	List<Owner> owners(List<SystemHandle> holders) {
		List<Owner> owners = new ArrayList<>(holders.size());
		for (SystemHandle handle : holders) {
			owners.add(owner(handle));
		}
		return owners;
	}

	Owner owner(SystemHandle handle) {
		return new Owner(handle.pid(), processName(handle.pid()), handle.describeHandle(), handle.describeAccess());
	}

	/** @return the image name of a process, or {@code null} */
	String processName(long pid) {
		if (processNames == null) {
			processNames = ProcessNames.snapshot();
		}
		return processNames.name(pid);
	}

	/** A copy of the handle in this process, to be closed with {@link ProcessHandles#close}. */
	HANDLE duplicate(SystemHandle handle) {
		return processes.duplicate(handle);
	}

	/** @return why some owners may be missing, or nothing */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (tableProblem != null) {
			problems.add(tableProblem);
		}
		Set<Long> refused = processes.refused();
		if (!refused.isEmpty()) {
			problems.add("Owners: the handles of " + refused.size() + " process(es) could not be examined (access denied): "
					+ refused.stream().map(this::describe).collect(Collectors.joining(", ")));
		}
		if (files != null) {
			problems.addAll(files.problems());
		}
		return problems;
	}

	private String describe(long pid) {
		String name = processName(pid);
		return name == null ? Long.toString(pid) : name + " (" + pid + ")";
	}

	private Map<String, List<SystemHandle>> byType() {
		if (byType == null) {
			Map<Integer, List<SystemHandle>> byIndex = handles().stream()
					.collect(Collectors.groupingBy(SystemHandle::typeIndex, LinkedHashMap::new, Collectors.toList()));
			byType = new HashMap<>();
			byIndex.forEach((index, sameType) -> {
				String name = typeNames.name(index, sameType, processes, information);
				if (name != null) {
					byType.computeIfAbsent(name, n -> new ArrayList<>()).addAll(sameType);
				}
			});
		}
		return byType;
	}

	private Map<String, List<SystemHandle>> nameAll(String typeName) {
		Map<String, List<SystemHandle>> named = new HashMap<>();
		// Windows gives each object's address: one look-up per object, not per handle.
		Map<Long, String> byObject = new HashMap<>();
		for (SystemHandle handle : ofType(typeName)) {
			String name = handle.object() != 0 ? byObject.get(handle.object()) : null;
			if (name == null) {
				name = lookUpName(handle);
				if (name != null && handle.object() != 0) {
					byObject.put(handle.object(), name);
				}
			}
			if (name != null && !name.isEmpty()) {
				named.computeIfAbsent(name, n -> new ArrayList<>(2)).add(handle);
			}
		}
		return named;
	}

	private String lookUpName(SystemHandle handle) {
		HANDLE copy = processes.duplicate(handle);
		if (copy == null) {
			return null;
		}
		try {
			return information.name(copy);
		} catch (NtStatusException e) {
			return null;
		} finally {
			ProcessHandles.close(copy);
		}
	}

	@Override
	public void close() {
		processes.close();
	}
}
