package org.ipcscope.win32.internal.nt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Names object type indexes ("Section", "File"...). Indexes are fixed while the system runs,
 * so names found once are kept for the provider's life; each takes one handle of that type,
 * copied and asked.
 */
public final class ObjectTypeNames {

	private final Map<Integer, String> names = new ConcurrentHashMap<>();

	/**
	 * @param sameType handles of that index, tried in order until one can be copied and asked
	 * @return the type's name, or {@code null} if no handle of it could be asked
	 */
	public String name(int typeIndex, List<SystemHandle> sameType, ProcessHandles processes, ObjectInformation information) {
		String known = names.get(typeIndex);
		if (known != null) {
			return known;
		}
		for (SystemHandle handle : sameType) {
			HANDLE copy = processes.duplicate(handle);
			if (copy == null) {
				continue;
			}
			try {
				String name = information.typeName(copy);
				names.put(typeIndex, name);
				return name;
			} catch (NtStatusException e) {
				// this handle closed meanwhile: try the next
			} finally {
				ProcessHandles.close(copy);
			}
		}
		return null;
	}
}
