package org.ipcscope.ui.hex.internal;

import java.math.BigInteger;

/**
 * Maps the top row of the view to a scrollbar and back. Up to {@link #MAX_POSITIONS} rows the
 * scrollbar counts rows; beyond, its positions are spread over the rows (a 2 GiB region at 16
 * bytes a row has 134 M rows), so that its end is always the last row. The arrows and page keys
 * move by rows, not by positions: see the editor's scroll listener.
 */
final class ScrollMapping {

	/** Positions every platform's scrollbar holds exactly (Windows reports 16 bits while dragging). */
	static final int MAX_POSITIONS = 1 << 24;

	private final long lastTopRow;
	private final int positions;
	private final int limit;
	private final int visible;

	/**
	 * @param rows    rows in the region
	 * @param visible rows that fit in the view
	 */
	ScrollMapping(long rows, int visible) {
		this(rows, visible, MAX_POSITIONS);
	}

	ScrollMapping(long rows, int visible, int limit) {
		this.limit = limit;
		this.visible = Math.max(1, visible);
		this.lastTopRow = Math.max(0, rows - Math.max(1, visible));
		this.positions = (int) Math.min(lastTopRow, limit);
	}

	boolean isScaled() {
		return lastTopRow > limit;
	}

	long lastTopRow() {
		return lastTopRow;
	}

	/** @return the scrollbar's maximum; its thumb is {@link #thumb()} */
	int maximum() {
		return positions + thumb();
	}

	/** @return the thumb: the visible rows, or 1 position when scaled */
	int thumb() {
		return isScaled() ? 1 : visible;
	}

	int selectionFor(long topRow) {
		long row = Math.max(0, Math.min(lastTopRow, topRow));
		if (!isScaled()) {
			return (int) row;
		}
		return BigInteger.valueOf(row).multiply(BigInteger.valueOf(positions)).add(BigInteger.valueOf(lastTopRow / 2))
				.divide(BigInteger.valueOf(lastTopRow)).intValue();
	}

	long topRowFor(int selection) {
		int position = Math.max(0, Math.min(positions, selection));
		if (!isScaled()) {
			return position;
		}
		if (position == positions) {
			return lastTopRow;
		}
		return BigInteger.valueOf(position).multiply(BigInteger.valueOf(lastTopRow))
				.divide(BigInteger.valueOf(positions)).longValue();
	}
}
