package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;
import org.ipcscope.win32.internal.nt.SemaphoreBasicInformation;

/** A semaphore's count and maximum; opened with SEMAPHORE_QUERY_STATE only. */
final class SemaphoreDescriber implements ObjectDescriber {

	static final String COUNT = "Count";
	static final String MAXIMUM = "Maximum";

	@Override
	public ObjectState describe(ObjectDirectory directory, String name) throws NtStatusException {
		NtDllFunctions nt = NtDllFunctions.INSTANCE;
		return StateQuery.withHandle(nt::NtOpenSemaphore, NtDllFunctions.QUERY_STATE, directory, name, handle -> {
			StateQuery query = nt::NtQuerySemaphore;
			return state(SemaphoreBasicInformation.decode(query.ask(handle,
					NtDllFunctions.SEMAPHORE_BASIC_INFORMATION, SemaphoreBasicInformation.SIZE, name)));
		});
	}

	static ObjectState state(SemaphoreBasicInformation info) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(COUNT, Integer.toString(info.currentCount()));
		details.put(MAXIMUM, Integer.toString(info.maximumCount()));
		return new ObjectState(IpcObject.UNKNOWN_SIZE, details);
	}
}
