package org.ipcscope.ui.hex.internal.struct;

import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.struct.Field;
import org.ipcscope.core.struct.FieldHistory;
import org.ipcscope.core.struct.FieldValue;
import org.ipcscope.core.struct.StructOverlay;

/**
 * One overlay of an editor's Structure pane and what was seen through it: the latest value of
 * each field, its last values with their times, and how many looks ago it last changed (the
 * pane's mark fades with that age as the hex view's do). Values are set by the pane's read job
 * and read on the UI thread: the methods are synchronized.
 */
public final class AttachedStruct {

	/** Values kept per field for the history column and tooltip. */
	static final int HISTORY = 8;

	/** A row of the pane: a field of an overlay. */
	public record Node(AttachedStruct overlay, Field field) {
		/** @return where the field's bytes start in the object */
		long start() {
			return overlay.overlay.offset() + field.offset();
		}

		// a field's path is unique in its overlay: no need to compare whole subtrees
		@Override
		public boolean equals(Object o) {
			return o instanceof Node n && n.overlay == overlay && n.field.path().equals(field.path());
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(overlay) * 31 + field.path().hashCode();
		}
	}

	private final StructChoice choice;
	private final StructOverlay overlay;
	private final FieldHistory history = new FieldHistory(HISTORY);
	private final Map<String, FieldValue> values = new HashMap<>();
	private final Map<String, Long> changedAtLook = new HashMap<>();
	private final Map<String, Integer> changes = new HashMap<>();
	private long looks;
	private byte[] window = new byte[0];

	AttachedStruct(StructChoice choice, StructOverlay overlay) {
		this.choice = choice;
		this.overlay = overlay;
	}

	StructChoice choice() {
		return choice;
	}

	StructOverlay overlay() {
		return overlay;
	}

	Node root() {
		return new Node(this, overlay.root());
	}

	/** Records one look at the overlay's bytes (read at its offset). */
	synchronized void update(Instant time, byte[] window, BitSet unreadable) {
		List<FieldValue> decoded = overlay.decode(window, unreadable);
		looks++;
		this.window = window.clone();
		for (FieldHistory.Change change : history.update(time, decoded)) {
			changedAtLook.put(change.field().path(), looks);
			changes.merge(change.field().path(), 1, Integer::sum);
		}
		for (FieldValue value : decoded) {
			values.put(value.field().path(), value);
		}
	}

	/** @return the field's latest value, or null before the first look or for a struct, union or array */
	synchronized FieldValue value(Field field) {
		return values.get(field.path());
	}

	/** @return looks since the field last changed: 0 if it changed in the latest one; -1 if it never did */
	synchronized long age(Field field) {
		Long at = changedAtLook.get(field.path());
		return at == null ? -1 : looks - at;
	}

	/** @return how many times the field was seen changing */
	synchronized int changes(Field field) {
		return changes.getOrDefault(field.path(), 0);
	}

	/** @return the field's last values, oldest first */
	synchronized List<FieldHistory.Entry> history(Field field) {
		return history.history(field.path());
	}

	/** @return the field's bytes as last read (zeros before the first look) */
	synchronized byte[] bytes(Field field) {
		byte[] bytes = new byte[(int) field.size()];
		int from = (int) field.offset();
		if (from < window.length) {
			System.arraycopy(window, from, bytes, 0, Math.min(bytes.length, window.length - from));
		}
		return bytes;
	}

	synchronized boolean hasValues() {
		return looks > 0;
	}
}
