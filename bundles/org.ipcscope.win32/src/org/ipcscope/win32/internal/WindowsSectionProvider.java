package org.ipcscope.win32.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.IpcProvider;
import org.ipcscope.core.ProviderResult;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.Platform;

/**
 * Lists named Windows file mappings (Section objects) in the Global namespace, this session's
 * Local namespace and the other sessions' namespaces that this process may read.
 */
@Component(service = IpcProvider.class)
public class WindowsSectionProvider implements IpcProvider {

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.SECTION);
	}

	@Override
	public ProviderResult list() {
		if (!Platform.isWindows()) {
			return new ProviderResult(List.of(), List.of("Sections: only on Windows"));
		}
		List<IpcObject> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (NamespaceDirectory namespace : namespaces(problems)) {
			listNamespace(namespace, objects, problems);
		}
		return new ProviderResult(objects, problems);
	}

	private static List<NamespaceDirectory> namespaces(List<String> problems) {
		List<DirectoryEntry> sessions = List.of();
		try {
			sessions = ObjectDirectory.list(NamespaceDirectory.SESSIONS_PATH);
		} catch (NtStatusException e) {
			problems.add("Other sessions: " + e.getMessage());
		}
		return NamespaceDiscovery.directories(currentSession(problems), sessions);
	}

	private static void listNamespace(NamespaceDirectory namespace, List<IpcObject> objects, List<String> problems) {
		try {
			objects.addAll(SectionLister.list(namespace));
		} catch (NtStatusException e) {
			// Other sessions are guesses from \Sessions: one without BaseNamedObjects (not logged
			// on yet, or just gone) simply has no objects.
			if (!(namespace.isOtherSession() && NtStatus.isNotFound(e.status()))) {
				problems.add(namespace.namespace() + " sections: " + e.getMessage());
			}
		}
	}

	private static int currentSession(List<String> problems) {
		OptionalInt session = CurrentSession.id();
		if (session.isEmpty()) {
			// As if in session 0: its own session's objects then show up as "Session N", not lost.
			problems.add("Local sections: session of this process unknown");
		}
		return session.orElse(0);
	}
}
