package org.ipcscope.core.struct;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields changed between successive looks at an overlay, with each field's last values and
 * when they were seen. The first look records values and reports no change. Not thread-safe: one
 * refresher feeds it.
 */
public final class FieldHistory {

	/** A value seen at a time. */
	public record Entry(Instant time, String text) {
	}

	/** A field whose value differs from the previous look. */
	public record Change(Field field, String before, String after, Instant time) {
	}

	private final int depth;
	private final Map<String, FieldValue> last = new HashMap<>();
	private final Map<String, Deque<Entry>> entries = new HashMap<>();
	private final Map<String, Instant> changedAt = new HashMap<>();

	/** @param depth how many values to keep per field (at least 1) */
	public FieldHistory(int depth) {
		if (depth < 1) {
			throw new IllegalArgumentException("depth " + depth);
		}
		this.depth = depth;
	}

	/**
	 * Records one look.
	 *
	 * @return the fields that changed since the previous look, in the order given
	 */
	public List<Change> update(Instant time, List<FieldValue> values) {
		List<Change> changes = new ArrayList<>();
		boolean first = last.isEmpty();
		for (FieldValue value : values) {
			String path = value.field().path();
			FieldValue before = last.put(path, value);
			Deque<Entry> kept = entries.computeIfAbsent(path, p -> new ArrayDeque<>());
			if (before == null || value.differsFrom(before)) {
				kept.addLast(new Entry(time, value.text()));
				while (kept.size() > depth) {
					kept.removeFirst();
				}
				if (before != null && !first) {
					changes.add(new Change(value.field(), before.text(), value.text(), time));
					changedAt.put(path, time);
				}
			}
		}
		return changes;
	}

	/** @return the field's last values, oldest first (at most the depth) */
	public List<Entry> history(String path) {
		Deque<Entry> kept = entries.get(path);
		return kept == null ? List.of() : List.copyOf(kept);
	}

	/** @return when the field last changed, or null when it has not changed since it was first seen */
	public Instant lastChange(String path) {
		return changedAt.get(path);
	}

	/** Forgets everything, as when the overlay or the object changes. */
	public void clear() {
		last.clear();
		entries.clear();
		changedAt.clear();
	}
}
