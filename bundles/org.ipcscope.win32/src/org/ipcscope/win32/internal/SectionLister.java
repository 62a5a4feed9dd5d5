package org.ipcscope.win32.internal;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.IpcObject;

/** Lists the sections of one namespace directory, querying each for size and attributes. */
final class SectionLister {

	private SectionLister() {
	}

	/**
	 * @return one object per section, readable or not
	 * @throws NtStatusException if the directory itself cannot be opened or listed
	 */
	static List<IpcObject> list(NamespaceDirectory namespace) throws NtStatusException {
		List<IpcObject> objects = new ArrayList<>();
		try (ObjectDirectory directory = ObjectDirectory.open(namespace.ntPath())) {
			for (DirectoryEntry entry : directory.entries()) {
				if (entry.isSection()) {
					objects.add(describe(namespace, directory, entry.name()));
				}
			}
		}
		return objects;
	}

	private static IpcObject describe(NamespaceDirectory namespace, ObjectDirectory directory, String name) {
		try {
			return SectionObjects.readable(namespace, name, SectionQuery.query(directory, name));
		} catch (NtStatusException e) {
			return SectionObjects.unreadable(namespace, name, e.status());
		}
	}
}
