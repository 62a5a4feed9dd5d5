package org.ipcscope.win32.internal.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.Owner;
import org.ipcscope.win32.internal.nt.NamedObjectOpener;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;
import org.ipcscope.win32.internal.nt.ProcessHandles;
import org.ipcscope.win32.internal.nt.SystemHandle;

import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Owners of a named file-backed section under Wine, whose handles to such a section are named
 * after the file ({@code \??\C:\data.bin}), not the section: the handles named after the backing
 * file are the candidates, and NtCompareObjects tells which of them are this very section.
 * Windows names the handles after the section, so this is never needed there.
 */
final class FileSectionOwners {

	private static final String DOS_PREFIX = "\\??\\";

	private FileSectionOwners() {
	}

	static List<Owner> find(ObjectDirectory directory, String name, ObjectState state, HandleSnapshot handles) {
		String file = state.details().get(SectionDescriber.BACKING_FILE);
		List<SystemHandle> candidates = new ArrayList<>();
		for (Map.Entry<String, List<SystemHandle>> named : handles.byName(ObjectKinds.SECTION).entrySet()) {
			String handleName = named.getKey();
			if (handleName.startsWith(DOS_PREFIX) && handleName.substring(DOS_PREFIX.length()).equalsIgnoreCase(file)) {
				candidates.addAll(named.getValue());
			}
		}
		if (candidates.isEmpty()) {
			return List.of();
		}
		NamedObjectOpener opener = NtDllFunctions.INSTANCE::NtOpenSection;
		HANDLE section;
		try {
			section = opener.open(directory, name, NtDllFunctions.SECTION_QUERY);
		} catch (NtStatusException e) {
			return List.of();
		}
		try {
			return sameObject(section, candidates, handles);
		} finally {
			NtDllFunctions.INSTANCE.NtClose(section);
		}
	}

	private static List<Owner> sameObject(HANDLE section, List<SystemHandle> candidates, HandleSnapshot handles) {
		List<SystemHandle> holders = new ArrayList<>();
		for (SystemHandle candidate : candidates) {
			HANDLE copy = handles.duplicate(candidate);
			if (copy == null) {
				continue;
			}
			try {
				if (NtDllFunctions.INSTANCE.NtCompareObjects(section, copy) == NtStatus.SUCCESS) {
					holders.add(candidate);
				}
			} catch (UnsatisfiedLinkError e) {
				// NtCompareObjects came with Windows 10; before it there is nothing exact to match by.
				return List.of();
			} finally {
				ProcessHandles.close(copy);
			}
		}
		return handles.owners(holders);
	}
}
