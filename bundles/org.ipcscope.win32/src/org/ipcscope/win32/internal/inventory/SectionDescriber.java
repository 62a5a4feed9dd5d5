package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.win32.internal.nt.DosDevices;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;
import org.ipcscope.win32.internal.nt.SectionAttributes;
import org.ipcscope.win32.internal.nt.SectionBasicInformation;

/**
 * A section's size and SEC_* attributes (SECTION_QUERY only), and for a file-backed one the
 * file behind it.
 */
final class SectionDescriber implements ObjectDescriber {

	static final String ATTRIBUTES = "Attributes";
	static final String BACKING = "Backing";
	static final String BACKING_FILE = "Backing file";

	private DosDevices dosDevices;

	@Override
	public ObjectState describe(ObjectDirectory directory, String name) throws NtStatusException {
		SectionBasicInformation info = SectionQuery.query(directory, name);
		String file = null;
		if (SectionAttributes.isFileBacked(info.allocationAttributes())) {
			file = backingFile(directory, name, info);
		}
		return state(info, file);
	}

	private String backingFile(ObjectDirectory directory, String name, SectionBasicInformation info) {
		try {
			String path = SectionBackingFile.devicePath(directory, name, info.allocationAttributes(), info.maximumSize());
			if (dosDevices == null) {
				dosDevices = DosDevices.current();
			}
			return dosDevices.toDosPath(path);
		} catch (NtStatusException e) {
			// Querying may be allowed where mapping is not: the size is still worth showing.
			return "unknown: " + NtStatus.describe(e.status());
		}
	}

	/** @param backingFile the file's path, why it is unknown, or {@code null} for a page-file section */
	static ObjectState state(SectionBasicInformation info, String backingFile) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(ATTRIBUTES, SectionAttributes.describe(info.allocationAttributes()));
		details.put(BACKING, SectionAttributes.backing(info.allocationAttributes()));
		if (backingFile != null) {
			details.put(BACKING_FILE, backingFile);
		}
		return new ObjectState(info.maximumSize(), details);
	}
}
