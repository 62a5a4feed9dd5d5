package org.ipcscope.ui.sniff.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.ipcscope.core.sniff.CapturedMessage;

/**
 * The messages of one capture and which of them the table shows. Capture and load threads only
 * {@link #offer} (a lock-free queue: they never wait for the UI); the UI thread {@link #drain}s
 * in batches and owns everything else.
 *
 * While paused, drained messages are kept but not shown: the table stays still, and on resume
 * they appear. Nothing captured is lost by pausing.
 */
final class CaptureLog {

	/** A queued message and the clear it came after. */
	private record Queued(int epoch, CapturedMessage message) {
	}

	private final ConcurrentLinkedQueue<Queued> incoming = new ConcurrentLinkedQueue<>();
	/** Counts clears, so a message queued before one is dropped even if it lands after it. */
	private final AtomicInteger epoch = new AtomicInteger();
	private final List<CapturedMessage> all = new ArrayList<>();
	private int[] shown = new int[1024];
	private int shownCount;
	/** Messages of {@link #all} before this index have been through the filter. */
	private int filteredUpTo;
	private MessageFilter filter = MessageFilter.ALL;
	private boolean paused;

	/** Any thread: queue a message for the next {@link #drain}. */
	void offer(CapturedMessage message) {
		offer(epoch.get(), message);
	}

	/**
	 * Any thread: queue a message of a producer that started at {@code since} (an {@link #epoch()}):
	 * once the log is cleared, what such a producer still sends is dropped.
	 */
	void offer(int since, CapturedMessage message) {
		incoming.add(new Queued(since, message));
	}

	/** @return the number of clears so far, for {@link #offer(int, CapturedMessage)} */
	int epoch() {
		return epoch.get();
	}

	/**
	 * UI thread: takes the queued messages, and unless paused filters them into the shown rows.
	 *
	 * @return whether the shown rows changed
	 */
	boolean drain() {
		int now = epoch.get();
		for (Queued q = incoming.poll(); q != null; q = incoming.poll()) {
			if (q.epoch() == now) {
				all.add(q.message());
			}
		}
		return !paused && filterNew();
	}

	private boolean filterNew() {
		int before = shownCount;
		for (; filteredUpTo < all.size(); filteredUpTo++) {
			if (filter.test(all.get(filteredUpTo))) {
				if (shownCount == shown.length) {
					shown = Arrays.copyOf(shown, shown.length * 2);
				}
				shown[shownCount++] = filteredUpTo;
			}
		}
		return shownCount != before;
	}

	void setFilter(MessageFilter newFilter) {
		filter = newFilter;
		int upTo = filteredUpTo;
		shownCount = 0;
		filteredUpTo = 0;
		filterNew();
		if (paused) {
			// a new filter applies to what the table showed, not to what pausing holds back
			shownCount = countBelow(upTo);
			filteredUpTo = upTo;
		}
	}

	private int countBelow(int index) {
		int count = 0;
		while (count < shownCount && shown[count] < index) {
			count++;
		}
		return count;
	}

	void setPaused(boolean pause) {
		paused = pause;
		if (!pause) {
			filterNew();
		}
	}

	boolean isPaused() {
		return paused;
	}

	void clear() {
		epoch.incrementAndGet();
		incoming.clear();
		all.clear();
		shownCount = 0;
		filteredUpTo = 0;
	}

	int shownCount() {
		return shownCount;
	}

	CapturedMessage shown(int row) {
		return all.get(shown[row]);
	}

	/** @return the row showing this very message, or -1 */
	int rowOf(CapturedMessage message) {
		for (int row = 0; row < shownCount; row++) {
			if (all.get(shown[row]) == message) {
				return row;
			}
		}
		return -1;
	}

	/** @return messages kept, shown or not */
	int size() {
		return all.size();
	}

	/** @return messages kept while paused that the table does not show yet */
	int heldBack() {
		return all.size() - filteredUpTo;
	}

	/** @return every kept message in capture order, for saving */
	List<CapturedMessage> all() {
		return List.copyOf(all);
	}
}
