package org.ipcscope.core.traffic;

import java.util.Set;

import org.ipcscope.core.IpcKind;

/**
 * What to capture: the calls of these processes on their channels, narrowed to one object
 * and/or some kinds.
 *
 * @param pids        the processes to capture (at least one)
 * @param object      only the channel of this name, as {@code list} shows it; {@code null} for
 *                    every channel the processes use
 * @param kinds       only channels of these kinds; empty for every kind the capturer supports
 * @param payloadCap  bytes of each payload kept at most; the rest is counted in
 *                    {@link TrafficRecord#transferred()} only
 * @param ringRecords records the capture buffers before it drops (and counts) the next ones
 */
public record TrafficRequest(Set<Long> pids, String object, Set<IpcKind> kinds, int payloadCap, int ringRecords) {

	public static final int DEFAULT_PAYLOAD_CAP = 64 * 1024;
	public static final int DEFAULT_RING_RECORDS = 8192;

	public TrafficRequest {
		if (pids.isEmpty()) {
			throw new IllegalArgumentException("at least one process is needed");
		}
		if (payloadCap < 0 || ringRecords < 1) {
			throw new IllegalArgumentException("payload cap must be >= 0 and ring records >= 1");
		}
		pids = Set.copyOf(pids);
		kinds = Set.copyOf(kinds);
	}

	/** @return a request for every channel of these processes, with the default cap and ring */
	public static TrafficRequest of(Set<Long> pids) {
		return new TrafficRequest(pids, null, Set.of(), DEFAULT_PAYLOAD_CAP, DEFAULT_RING_RECORDS);
	}

	/** @return whether a channel of this kind and name is asked for */
	public boolean wants(IpcKind kind, String name) {
		return (kinds.isEmpty() || kinds.contains(kind)) && (object == null || object.equals(name));
	}
}
