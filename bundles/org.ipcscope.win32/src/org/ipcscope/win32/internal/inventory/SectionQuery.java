package org.ipcscope.win32.internal.inventory;

import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectAttributesBlock;
import org.ipcscope.win32.internal.nt.ObjectDirectory;
import org.ipcscope.win32.internal.nt.SectionBasicInformation;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.HANDLEByReference;

/**
 * Asks a named section for its size and attributes. Opens it with SECTION_QUERY only, which
 * neither maps it nor keeps it alive beyond this call.
 */
final class SectionQuery {

	private SectionQuery() {
	}

	static SectionBasicInformation query(ObjectDirectory directory, String name) throws NtStatusException {
		Memory attributes = ObjectAttributesBlock.of(directory.handle(), name);
		HANDLEByReference result = new HANDLEByReference();
		int status = NtDllFunctions.INSTANCE.NtOpenSection(result, NtDllFunctions.SECTION_QUERY, attributes);
		if (!NtStatus.isSuccess(status)) {
			throw new NtStatusException(name, status);
		}
		HANDLE section = result.getValue();
		try {
			Memory info = new Memory(SectionBasicInformation.SIZE);
			info.clear();
			status = NtDllFunctions.INSTANCE.NtQuerySection(section, NtDllFunctions.SECTION_BASIC_INFORMATION, info,
					SectionBasicInformation.SIZE, null);
			if (!NtStatus.isSuccess(status)) {
				throw new NtStatusException(name, status);
			}
			return SectionBasicInformation.decode(info.getByteBuffer(0, SectionBasicInformation.SIZE));
		} finally {
			NtDllFunctions.INSTANCE.NtClose(section);
		}
	}
}
