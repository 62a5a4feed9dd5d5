package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.nt.ClientId;
import org.ipcscope.win32.internal.nt.MutantBasicInformation;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;

import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * A mutex's state: free, owned (how often) or abandoned, and on Windows 10 and later the thread
 * holding it. Opened with MUTANT_QUERY_STATE only.
 */
final class MutantDescriber implements ObjectDescriber {

	static final String STATE = "State";
	static final String HOLDER = "Held by";

	@Override
	public ObjectState describe(ObjectDirectory directory, String name) throws NtStatusException {
		NtDllFunctions nt = NtDllFunctions.INSTANCE;
		return StateQuery.withHandle(nt::NtOpenMutant, NtDllFunctions.QUERY_STATE, directory, name, handle -> {
			StateQuery query = nt::NtQueryMutant;
			MutantBasicInformation info = MutantBasicInformation.decode(
					query.ask(handle, NtDllFunctions.MUTANT_BASIC_INFORMATION, MutantBasicInformation.SIZE, name));
			return state(info, info.isOwned() ? holder(handle, query, name) : null);
		});
	}

	/** MutantOwnerInformation is newer than Wine 8 and Windows 8: without it there is no holder to tell. */
	private static ClientId holder(HANDLE handle, StateQuery query, String name) {
		try {
			return ClientId.decode(query.ask(handle, NtDllFunctions.MUTANT_OWNER_INFORMATION, ClientId.SIZE, name));
		} catch (NtStatusException e) {
			return null;
		}
	}

	static ObjectState state(MutantBasicInformation info, ClientId holder) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(STATE, info.describeState());
		if (holder != null && !holder.isNobody()) {
			details.put(HOLDER, "pid " + holder.processId() + ", thread " + holder.threadId());
		}
		return new ObjectState(IpcObject.UNKNOWN_SIZE, details);
	}
}
