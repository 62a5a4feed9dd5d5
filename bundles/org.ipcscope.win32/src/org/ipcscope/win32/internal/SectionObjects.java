package org.ipcscope.win32.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;

/** Turns what was learnt about one named section into the model value views show. */
final class SectionObjects {

	static final String ATTRIBUTES = "Attributes";
	static final String NT_PATH = "NT path";
	static final String BACKING = "Backing";

	private SectionObjects() {
	}

	static IpcObject readable(NamespaceDirectory directory, String name, SectionBasicInformation info) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(ATTRIBUTES, SectionAttributes.describe(info.allocationAttributes()));
		details.put(NT_PATH, directory.ntPath(name));
		details.put(BACKING, SectionAttributes.backing(info.allocationAttributes()));
		return new IpcObject(IpcKind.SECTION, directory.userName(name), directory.namespace(), info.maximumSize(),
				details);
	}

	/** The section was listed but could not be queried: it is still shown, with the reason. */
	static IpcObject unreadable(NamespaceDirectory directory, String name, int status) {
		Map<String, String> details = Map.of(NT_PATH, directory.ntPath(name));
		return new IpcObject(IpcKind.SECTION, directory.userName(name), directory.namespace(), IpcObject.UNKNOWN_SIZE,
				details, problem(status));
	}

	static String problem(int status) {
		// Sections live only while a handle or view is open; between listing and opening the
		// last one can go away.
		return NtStatus.isNotFound(status) ? "vanished while listing" : "size unknown: " + NtStatus.describe(status);
	}
}
