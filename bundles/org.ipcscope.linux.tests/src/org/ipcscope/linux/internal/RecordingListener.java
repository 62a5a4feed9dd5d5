package org.ipcscope.linux.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;

/** Keeps what a capture told, for a test to wait on and look at. */
class RecordingListener implements TrafficListener {

	final List<TrafficRecord> records = new CopyOnWriteArrayList<>();
	final List<String> events = new CopyOnWriteArrayList<>();
	volatile long dropped;

	@Override
	public void captured(TrafficRecord record) {
		records.add(record);
	}

	@Override
	public void dropped(long totalDropped) {
		dropped = totalDropped;
	}

	@Override
	public void attached(long pid, String change) {
		events.add("attached " + pid + ": " + change);
	}

	@Override
	public void detached(long pid, String reason) {
		events.add("detached " + pid + ": " + reason);
	}

	@Override
	public void refused(long pid, String reason) {
		events.add("refused " + pid + ": " + reason);
	}

	@Override
	public void ended(String reason) {
		events.add("ended: " + reason);
	}

	List<TrafficRecord> select(long pid, TrafficOp op, String object) {
		Predicate<TrafficRecord> wanted = r -> r.pid() == pid && r.op() == op && r.object().equals(object);
		return records.stream().filter(wanted).toList();
	}

	static byte[] joined(List<TrafficRecord> records) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		records.forEach(r -> out.writeBytes(r.payload()));
		return out.toByteArray();
	}

	static long moved(List<TrafficRecord> records) {
		return records.stream().mapToLong(TrafficRecord::transferred).sum();
	}

	/** @return the events that start with {@code prefix} */
	List<String> events(String prefix) {
		List<String> found = new ArrayList<>();
		events.stream().filter(e -> e.startsWith(prefix)).forEach(found::add);
		return found;
	}
}
