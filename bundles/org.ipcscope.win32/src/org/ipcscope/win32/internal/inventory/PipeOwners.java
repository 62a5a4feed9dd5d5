package org.ipcscope.win32.internal.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.ipcscope.core.Owner;

/** Groups pipe and mailslot handles by the object's name, which is case-insensitive. */
final class PipeOwners {

	private PipeOwners() {
	}

	/**
	 * @param nameOf the handle's name inside its device, or {@code null} to leave it out
	 * @return by lower-case name, in the order first seen
	 */
	static Map<String, List<FileHandle>> group(List<FileHandle> handles, Function<FileHandle, String> nameOf) {
		Map<String, List<FileHandle>> groups = new LinkedHashMap<>();
		for (FileHandle handle : handles) {
			String name = nameOf.apply(handle);
			if (name != null) {
				groups.computeIfAbsent(key(name), k -> new ArrayList<>()).add(handle);
			}
		}
		return groups;
	}

	static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	static List<Owner> owners(List<FileHandle> handles, HandleSnapshot snapshot) {
		List<Owner> owners = new ArrayList<>(handles.size());
		for (FileHandle handle : handles) {
			Owner plain = snapshot.owner(handle.handle());
			owners.add(new Owner(plain.pid(), plain.process(), plain.handle() + end(handle), plain.access()));
		}
		return owners;
	}

	/** " (server end)", " (client end)" or nothing. */
	private static String end(FileHandle handle) {
		if (handle.pipe() == null) {
			return "";
		}
		return handle.pipe().isServerEnd() ? " (server end)" : " (client end)";
	}
}
