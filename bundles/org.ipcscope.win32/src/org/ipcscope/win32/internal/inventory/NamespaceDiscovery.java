package org.ipcscope.win32.internal.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.ipcscope.win32.internal.nt.DirectoryEntry;

/**
 * Decides which object directories hold named objects and how users name them. Pure, so that
 * the multi-session case, which Wine (one session) never shows, is tested too.
 */
final class NamespaceDiscovery {

	private NamespaceDiscovery() {
	}

	/**
	 * @param currentSession  the session of this process
	 * @param sessionsEntries the entries of {@code \Sessions}, empty if it could not be listed
	 * @return Global first, then Local, then the other sessions in numeric order
	 */
	static List<NamespaceDirectory> directories(int currentSession, List<DirectoryEntry> sessionsEntries) {
		List<NamespaceDirectory> directories = new ArrayList<>();
		directories.add(NamespaceDirectory.global());
		// Session 0 keeps its Local objects in \BaseNamedObjects itself: listing it twice would show
		// every object under two names.
		if (currentSession != 0) {
			directories.add(NamespaceDirectory.local(currentSession));
		}
		for (int session : otherSessions(currentSession, sessionsEntries)) {
			directories.add(NamespaceDirectory.session(session));
		}
		return directories;
	}

	private static TreeSet<Integer> otherSessions(int currentSession, List<DirectoryEntry> sessionsEntries) {
		TreeSet<Integer> sessions = new TreeSet<>();
		for (DirectoryEntry entry : sessionsEntries) {
			if (entry.isDirectory() && isSessionNumber(entry.name())) {
				int session = Integer.parseInt(entry.name());
				// Session 0 has no BaseNamedObjects of its own: its objects are the Global ones.
				if (session != currentSession && session != 0) {
					sessions.add(session);
				}
			}
		}
		return sessions;
	}

	private static boolean isSessionNumber(String name) {
		return !name.isEmpty() && name.length() <= 9 && name.chars().allMatch(c -> c >= '0' && c <= '9');
	}
}
