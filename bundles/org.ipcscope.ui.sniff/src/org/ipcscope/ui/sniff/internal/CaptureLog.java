package org.ipcscope.ui.sniff.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The entries of one capture and which of them a table shows, shared by the WM_COPYDATA
 * Sniffer and the Traffic view. Capture and load threads only {@link #offer} (a lock-free queue:
 * they never wait for the UI); the UI thread {@link #drain}s in batches and owns everything else.
 *
 * While paused, drained entries are kept but not shown: the table stays still, and on resume
 * they appear. Nothing captured is lost by pausing.
 *
 * A bounded log keeps at most so many entries and so many payload bytes: past either bound the
 * oldest entries go, in batches, and {@link #droppedFromView()} counts them so the view can say so.
 *
 * @param <T> what a row is
 */
public final class CaptureLog<T> {

	/** A queued entry and the clear it came after. */
	private record Queued<T>(int epoch, T entry) {
	}

	private final ConcurrentLinkedQueue<Queued<T>> incoming = new ConcurrentLinkedQueue<>();
	/** Counts clears, so an entry queued before one is dropped even if it lands after it. */
	private final AtomicInteger epoch = new AtomicInteger();
	private final List<T> all = new ArrayList<>();
	private final int maxEntries;
	private final long maxBytes;
	private final ToLongFunction<? super T> weight;
	private long bytes;
	private long droppedFromView;
	private int[] shown = new int[1024];
	private int shownCount;
	/** Entries of {@link #all} before this index have been through the filter. */
	private int filteredUpTo;
	private Predicate<? super T> filter = t -> true;
	private boolean paused;

	/** An unbounded log. */
	public CaptureLog() {
		this(Integer.MAX_VALUE, Long.MAX_VALUE, t -> 0);
	}

	/**
	 * @param maxEntries entries kept at most
	 * @param maxBytes   sum of {@code weight} kept at most
	 * @param weight     an entry's bytes (its payload)
	 */
	public CaptureLog(int maxEntries, long maxBytes, ToLongFunction<? super T> weight) {
		if (maxEntries < 1 || maxBytes < 1) {
			throw new IllegalArgumentException("bounds must be positive"); //$NON-NLS-1$
		}
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
		this.weight = weight;
	}

	/** Any thread: queue an entry for the next {@link #drain}. */
	public void offer(T entry) {
		offer(epoch.get(), entry);
	}

	/**
	 * Any thread: queue an entry of a producer that started at {@code since} (an {@link #epoch()}):
	 * once the log is cleared, what such a producer still sends is dropped.
	 */
	public void offer(int since, T entry) {
		incoming.add(new Queued<>(since, entry));
	}

	/** @return the number of clears so far, for {@link #offer(int, Object)} */
	public int epoch() {
		return epoch.get();
	}

	/**
	 * UI thread: takes the queued entries, and unless paused filters them into the shown rows.
	 *
	 * @return whether the shown rows changed
	 */
	public boolean drain() {
		int now = epoch.get();
		boolean trimmed = false;
		for (Queued<T> q = incoming.poll(); q != null; q = incoming.poll()) {
			if (q.epoch() == now) {
				all.add(q.entry());
				bytes += weight.applyAsLong(q.entry());
				if (all.size() > maxEntries || bytes > maxBytes) {
					trimmed |= trim();
				}
			}
		}
		return !paused && filterNew() || trimmed;
	}

	/**
	 * Drops the oldest entries, a tenth of the bound at a time so that the copy is rare.
	 *
	 * @return whether shown rows went
	 */
	private boolean trim() {
		int keepEntries = maxEntries - Math.max(1, maxEntries / 10);
		long keepBytes = maxBytes - Math.max(1, maxBytes / 10);
		int drop = 0;
		long dropBytes = 0;
		while (drop < all.size() - 1 && (all.size() - drop > keepEntries || bytes - dropBytes > keepBytes)) {
			dropBytes += weight.applyAsLong(all.get(drop));
			drop++;
		}
		if (drop == 0) {
			return false;
		}
		all.subList(0, drop).clear();
		bytes -= dropBytes;
		droppedFromView += drop;
		int gone = countBelow(drop);
		for (int i = gone; i < shownCount; i++) {
			shown[i - gone] = shown[i] - drop;
		}
		shownCount -= gone;
		filteredUpTo = Math.max(0, filteredUpTo - drop);
		return gone > 0;
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

	public void setFilter(Predicate<? super T> newFilter) {
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

	public void setPaused(boolean pause) {
		paused = pause;
		if (!pause) {
			filterNew();
		}
	}

	public boolean isPaused() {
		return paused;
	}

	public void clear() {
		epoch.incrementAndGet();
		incoming.clear();
		all.clear();
		bytes = 0;
		droppedFromView = 0;
		shownCount = 0;
		filteredUpTo = 0;
	}

	public int shownCount() {
		return shownCount;
	}

	public T shown(int row) {
		return all.get(shown[row]);
	}

	/** @return the row showing this very entry, or -1 */
	public int rowOf(T entry) {
		for (int row = 0; row < shownCount; row++) {
			if (all.get(shown[row]) == entry) {
				return row;
			}
		}
		return -1;
	}

	/** @return entries kept, shown or not */
	public int size() {
		return all.size();
	}

	/** @return entries kept while paused that the table does not show yet */
	public int heldBack() {
		return all.size() - filteredUpTo;
	}

	/** @return the oldest entries let go to keep within the bounds, since the last clear */
	public long droppedFromView() {
		return droppedFromView;
	}

	/** @return every kept entry in capture order, for saving */
	public List<T> all() {
		return List.copyOf(all);
	}
}
