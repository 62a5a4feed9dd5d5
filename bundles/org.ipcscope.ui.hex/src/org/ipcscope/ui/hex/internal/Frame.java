package org.ipcscope.ui.hex.internal;

import java.util.BitSet;

import org.ipcscope.core.hex.Viewport;

/**
 * What one read of the visible rows produced, handed from the read job to the UI thread.
 *
 * @param viewport      the visible bytes and their change ages
 * @param sinceBaseline indexes of the viewport differing from the baseline; empty without one
 * @param size          the region's size at this read
 * @param inspectorOffset where {@code inspector} was read (the caret)
 * @param inspector     bytes at the caret for the data inspector
 * @param nanos         how long the read took, for the status line and the benchmark
 */
record Frame(Viewport viewport, BitSet sinceBaseline, long size, long inspectorOffset, Inspected inspector,
		long nanos) {

	/** The bytes read at the caret. */
	record Inspected(byte[] bytes, BitSet unreadable) {
	}
}
