package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.win32.internal.nt.DirectoryEntry;
import org.ipcscope.win32.internal.nt.NtStatus;

/** Turns what was learnt about one named object into the model value views show. */
final class NamespaceObjects {

	static final String TYPE = "Type";
	static final String NT_PATH = "NT path";

	private NamespaceObjects() {
	}

	static IpcObject readable(NamespaceDirectory directory, DirectoryEntry entry, ObjectState state,
			List<Owner> owners) {
		Map<String, String> details = start(entry);
		details.putAll(state.details());
		details.put(NT_PATH, directory.ntPath(entry.name()));
		return new IpcObject(ObjectKinds.of(entry.typeName()), directory.userName(entry.name()), directory.namespace(),
				state.size(), details, owners, null);
	}

	/** The object was listed but could not be asked: it is still shown, with the reason. */
	static IpcObject unreadable(NamespaceDirectory directory, DirectoryEntry entry, int status, List<Owner> owners) {
		Map<String, String> details = start(entry);
		details.put(NT_PATH, directory.ntPath(entry.name()));
		IpcKind kind = ObjectKinds.of(entry.typeName());
		return new IpcObject(kind, directory.userName(entry.name()), directory.namespace(), IpcObject.UNKNOWN_SIZE,
				details, owners, problem(kind, status));
	}

	static String problem(IpcKind kind, int status) {
		// Named objects live only while a handle is open; between listing and opening the last
		// one can go away.
		if (NtStatus.isNotFound(status)) {
			return "vanished while listing";
		}
		String what = switch (kind) {
		case SECTION -> "size";
		case SYMBOLIC_LINK -> "target";
		case NAMED_OBJECT -> "contents";
		default -> "state";
		};
		return what + " unknown: " + NtStatus.describe(status);
	}

	/** Objects of types without a kind of their own say which type they are. */
	private static Map<String, String> start(DirectoryEntry entry) {
		Map<String, String> details = new LinkedHashMap<>();
		if (ObjectKinds.of(entry.typeName()) == IpcKind.NAMED_OBJECT) {
			details.put(TYPE, entry.typeName());
		}
		return details;
	}
}
