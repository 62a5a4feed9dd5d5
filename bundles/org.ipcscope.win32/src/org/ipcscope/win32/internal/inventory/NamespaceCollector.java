package org.ipcscope.win32.internal.inventory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.win32.internal.nt.DirectoryEntry;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;

/**
 * Every object in the Global namespace ({@code \BaseNamedObjects}), this session's Local one and
 * the other sessions' that this process may read, with the directories inside them: sections,
 * events, mutexes, semaphores and symbolic links with their state, all other types as named
 * objects. Each object is opened with query access only, and shown even when that fails.
 */
final class NamespaceCollector implements Collector {

	/** Deep enough for Restricted and AppContainer-style nesting; no loop can form without links anyway. */
	static final int MAX_DEPTH = 4;

	@Override
	public Set<IpcKind> kinds() {
		return EnumSet.of(IpcKind.SECTION, IpcKind.EVENT, IpcKind.MUTEX, IpcKind.SEMAPHORE, IpcKind.SYMBOLIC_LINK,
				IpcKind.NAMED_OBJECT);
	}

	@Override
	public void collect(InventoryRequest request, HandleSnapshot handles, List<IpcObject> out, List<String> problems) {
		Walk walk = new Walk(request.kinds(), handles, out, ObjectKinds.describers());
		for (NamespaceDirectory namespace : namespaces(problems)) {
			try {
				walk.list(namespace, 0);
			} catch (NtStatusException e) {
				// Other sessions are guesses from \Sessions: one without BaseNamedObjects (not logged
				// on yet, or just gone) simply has no objects.
				if (!(namespace.isOtherSession() && NtStatus.isNotFound(e.status()))) {
					problems.add(namespace.namespace() + " namespace: " + e.getMessage());
				}
			}
		}
	}

	private static List<NamespaceDirectory> namespaces(List<String> problems) {
		List<DirectoryEntry> sessions = List.of();
		try {
			sessions = ObjectDirectory.list(NamespaceDirectory.SESSIONS_PATH);
		} catch (NtStatusException e) {
			problems.add("Other sessions: " + e.getMessage());
		}
		OptionalInt session = CurrentSession.id();
		if (session.isEmpty()) {
			// As if in session 0: its own session's objects then show up as "Session N", not lost.
			problems.add("Local namespace: session of this process unknown");
		}
		return NamespaceDiscovery.directories(session.orElse(0), sessions);
	}

	/** One refresh's walk through the directories. */
	private static final class Walk {

		private final Set<IpcKind> wanted;
		private final HandleSnapshot handles;
		private final List<IpcObject> out;
		private final Map<String, ObjectDescriber> describers;

		Walk(Set<IpcKind> wanted, HandleSnapshot handles, List<IpcObject> out, Map<String, ObjectDescriber> describers) {
			this.wanted = wanted;
			this.handles = handles;
			this.out = out;
			this.describers = describers;
		}

		/** @throws NtStatusException if the directory itself cannot be opened or listed */
		void list(NamespaceDirectory namespace, int depth) throws NtStatusException {
			List<DirectoryEntry> subdirectories = new ArrayList<>();
			try (ObjectDirectory directory = ObjectDirectory.open(namespace.ntPath())) {
				for (DirectoryEntry entry : directory.entries()) {
					if (entry.isDirectory()) {
						subdirectories.add(entry);
					} else if (wanted.contains(ObjectKinds.of(entry.typeName()))) {
						out.add(describe(namespace, directory, entry));
					}
				}
			}
			for (DirectoryEntry entry : subdirectories) {
				subdirectory(namespace, entry, depth);
			}
		}

		/** A directory is a named object too; one that cannot be listed says why on its own row. */
		private void subdirectory(NamespaceDirectory parent, DirectoryEntry entry, int depth) {
			Integer failure = null;
			if (depth + 1 <= MAX_DEPTH) {
				try {
					list(parent.child(entry.name()), depth + 1);
				} catch (NtStatusException e) {
					failure = e.status();
				}
			}
			if (wanted.contains(IpcKind.NAMED_OBJECT)) {
				List<Owner> owners = owners(parent, entry);
				out.add(failure == null ? NamespaceObjects.readable(parent, entry, new ObjectState(IpcObject.UNKNOWN_SIZE,
						Map.of()), owners) : NamespaceObjects.unreadable(parent, entry, failure, owners));
			}
		}

		private IpcObject describe(NamespaceDirectory namespace, ObjectDirectory directory, DirectoryEntry entry) {
			List<Owner> owners = owners(namespace, entry);
			ObjectDescriber describer = describers.get(entry.typeName());
			if (describer == null) {
				return NamespaceObjects.readable(namespace, entry, new ObjectState(IpcObject.UNKNOWN_SIZE, Map.of()),
						owners);
			}
			try {
				ObjectState state = describer.describe(directory, entry.name());
				if (owners.isEmpty() && state.details().containsKey(SectionDescriber.BACKING_FILE)) {
					owners = FileSectionOwners.find(directory, entry.name(), state, handles);
				}
				return NamespaceObjects.readable(namespace, entry, state, owners);
			} catch (NtStatusException e) {
				return NamespaceObjects.unreadable(namespace, entry, e.status(), owners);
			}
		}

		private List<Owner> owners(NamespaceDirectory namespace, DirectoryEntry entry) {
			return handles.owners(entry.typeName(), namespace.ntPath(entry.name()));
		}
	}
}
