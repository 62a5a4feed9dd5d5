package org.ipcscope.core.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;

/**
 * Compares successive snapshots and keeps added, changed and removed marks for a number of
 * refreshes, so that a change stays visible after the refresh that saw it. Not thread-safe: one
 * tracker per view or command.
 */
public final class ChangeTracker {

	private final int keep;
	private Map<String, TrackedObject> current = new LinkedHashMap<>();
	private boolean first = true;

	/** @param keep how many refreshes a mark stays, at least 1 */
	public ChangeTracker(int keep) {
		if (keep < 1) {
			throw new IllegalArgumentException("keep must be at least 1: " + keep);
		}
		this.keep = keep;
	}

	/**
	 * Takes the next snapshot.
	 *
	 * @return its objects with marks, plus the recently removed ones, in the snapshot's order with
	 *         removed ones after
	 */
	public List<TrackedObject> update(InventorySnapshot snapshot) {
		Map<String, TrackedObject> next = new LinkedHashMap<>();
		Map<String, TrackedObject> previous = current;
		for (IpcObject object : snapshot.objects()) {
			String identity = object.identity();
			TrackedObject before = previous.get(identity);
			next.put(identity, track(object, before));
		}
		List<TrackedObject> removed = new ArrayList<>();
		for (Map.Entry<String, TrackedObject> entry : previous.entrySet()) {
			if (next.containsKey(entry.getKey())) {
				continue;
			}
			TrackedObject gone = entry.getValue();
			if (gone.change() != Change.REMOVED) {
				removed.add(new TrackedObject(gone.object(), Change.REMOVED, 0));
			} else if (gone.age() + 1 < keep) {
				removed.add(new TrackedObject(gone.object(), Change.REMOVED, gone.age() + 1));
			}
		}
		current = new LinkedHashMap<>(next);
		removed.forEach(r -> current.put(r.object().identity(), r));
		first = false;
		List<TrackedObject> result = new ArrayList<>(next.values());
		result.addAll(removed);
		return result;
	}

	private TrackedObject track(IpcObject object, TrackedObject before) {
		if (before == null || before.change() == Change.REMOVED) {
			// everything is new on the first look: nothing to mark
			return new TrackedObject(object, first ? Change.UNCHANGED : Change.ADDED, 0);
		}
		if (!sameState(before.object(), object)) {
			return new TrackedObject(object, Change.CHANGED, 0);
		}
		if (before.change() != Change.UNCHANGED && before.age() + 1 < keep) {
			return new TrackedObject(object, before.change(), before.age() + 1);
		}
		return new TrackedObject(object, Change.UNCHANGED, 0);
	}

	private static boolean sameState(IpcObject a, IpcObject b) {
		return a.size() == b.size() && a.details().equals(b.details()) && a.owners().equals(b.owners())
				&& Objects.equals(a.problem(), b.problem());
	}
}
