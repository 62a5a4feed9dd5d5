package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.nt.EventBasicInformation;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectDirectory;

/** An event's type and whether it is signaled; opened with EVENT_QUERY_STATE only. */
final class EventDescriber implements ObjectDescriber {

	static final String TYPE = "Event type";
	static final String STATE = "State";

	@Override
	public ObjectState describe(ObjectDirectory directory, String name) throws NtStatusException {
		NtDllFunctions nt = NtDllFunctions.INSTANCE;
		return StateQuery.withHandle(nt::NtOpenEvent, NtDllFunctions.QUERY_STATE, directory, name, handle -> {
			StateQuery query = nt::NtQueryEvent;
			return state(EventBasicInformation.decode(
					query.ask(handle, NtDllFunctions.EVENT_BASIC_INFORMATION, EventBasicInformation.SIZE, name)));
		});
	}

	static ObjectState state(EventBasicInformation info) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(TYPE, info.describeType());
		details.put(STATE, info.describeState());
		return new ObjectState(IpcObject.UNKNOWN_SIZE, details);
	}
}
