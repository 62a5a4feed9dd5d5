package org.ipcscope.win32.internal.traffic;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.traffic.TrafficRequest;

/** A request's object and kinds as the DLL filters them: a kind mask and one pipe or mailslot NT name. */
final class Filters {

	private Filters() {
	}

	/** @return the DLL's kind mask for the request; 0 for every kind */
	static int kinds(TrafficRequest request) {
		int mask = 0;
		for (IpcKind kind : request.kinds()) {
			mask |= bit(kind);
		}
		if (request.object() != null) {
			String nt = HandleNames.ntName(request.object());
			int objectKinds = nt == null ? TrafficRing.KIND_TCP | TrafficRing.KIND_UDP
					: nt.startsWith(HandleNames.PIPE_DEVICE) ? TrafficRing.KIND_PIPE : TrafficRing.KIND_MAILSLOT;
			mask = mask == 0 ? objectKinds : mask & objectKinds;
			if (mask == 0) {
				mask = -1 & ~0xf; // the object is of no kind asked for: nothing is wanted
			}
		}
		return mask;
	}

	/** @return the NT name of the one pipe or mailslot asked for, else {@code null} */
	static String ntName(TrafficRequest request) {
		return request.object() == null ? null : HandleNames.ntName(request.object());
	}

	static int bit(IpcKind kind) {
		return switch (kind) {
		case NAMED_PIPE -> TrafficRing.KIND_PIPE;
		case MAILSLOT -> TrafficRing.KIND_MAILSLOT;
		case TCP -> TrafficRing.KIND_TCP;
		case UDP -> TrafficRing.KIND_UDP;
		default -> 0;
		};
	}
}
