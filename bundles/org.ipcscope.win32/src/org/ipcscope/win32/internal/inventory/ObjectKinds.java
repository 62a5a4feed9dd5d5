package org.ipcscope.win32.internal.inventory;

import java.util.Map;

import org.ipcscope.core.IpcKind;

/** Which kind of IPC object an object-manager type is, and how its state is read. */
final class ObjectKinds {

	static final String SECTION = "Section";
	static final String EVENT = "Event";
	static final String MUTANT = "Mutant";
	static final String SEMAPHORE = "Semaphore";
	static final String SYMBOLIC_LINK = "SymbolicLink";

	private static final Map<String, IpcKind> KINDS = Map.of(SECTION, IpcKind.SECTION, EVENT, IpcKind.EVENT, MUTANT,
			IpcKind.MUTEX, SEMAPHORE, IpcKind.SEMAPHORE, SYMBOLIC_LINK, IpcKind.SYMBOLIC_LINK);

	private ObjectKinds() {
	}

	/** @return the kind; every type without a kind of its own (Directory, Key, Job...) is a NAMED_OBJECT */
	static IpcKind of(String typeName) {
		return KINDS.getOrDefault(typeName, IpcKind.NAMED_OBJECT);
	}

	/** @return a fresh set of describers for one refresh, by type name; types without one are not opened */
	static Map<String, ObjectDescriber> describers() {
		return Map.of(SECTION, new SectionDescriber(), EVENT, new EventDescriber(), MUTANT, new MutantDescriber(),
				SEMAPHORE, new SemaphoreDescriber(), SYMBOLIC_LINK, new SymbolicLinkDescriber());
	}
}
