package org.ipcscope.core.traffic;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.ipcscope.core.traffic.TrafficOp.Direction;

/**
 * One direction of one endpoint's bytes joined in capture order, as Wireshark's Follow Stream
 * does. An endpoint is a process's descriptor or handle: when both ends of a pipe are captured,
 * the writer's {@code OUT} and the reader's {@code IN} hold the same bytes.
 *
 * @param bytes   the payloads joined
 * @param records how many records were joined
 * @param missing bytes moved but not captured (payloads cut by the capture cap); when not 0 the
 *                joined bytes have gaps
 */
public record FollowedStream(byte[] bytes, int records, long missing) {

	/** Identifies one endpoint's direction. */
	public record Key(long pid, long handle, Direction direction) {

		public static Key of(TrafficRecord record) {
			return new Key(record.pid(), record.handle(), record.op().direction());
		}

		boolean matches(TrafficRecord record) {
			return record.pid() == pid && record.handle() == handle && record.op().direction() == direction
					&& !record.failed();
		}
	}

	public static FollowedStream follow(List<TrafficRecord> records, Key key) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		int count = 0;
		long missing = 0;
		for (TrafficRecord record : records) {
			if (key.matches(record)) {
				joined.writeBytes(record.payload());
				missing += record.transferred() - record.payload().length;
				count++;
			}
		}
		return new FollowedStream(joined.toByteArray(), count, missing);
	}
}
