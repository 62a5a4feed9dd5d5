package org.ipcscope.ui.hex.internal.find;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.memory.DiffRange;
import org.ipcscope.core.memory.MemoryDiff;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;

/**
 * One run of bytes that differ between two snapshots, with the first bytes of each side.
 *
 * @param before the first bytes in the older snapshot, as hex
 * @param after  the same bytes in the newer one
 */
public record Difference(long offset, long length, String before, String after) {

	/** Bytes shown of each side. */
	static final int PREVIEW = 12;

	/** The differences found, and whether the list stopped at its limit. */
	public record Listing(List<Difference> differences, boolean truncated) {
	}

	public static Listing describe(MemoryDiff.Result result, MemorySource before, MemorySource after) throws IOException {
		List<Difference> differences = new ArrayList<>(result.ranges().size());
		for (DiffRange range : result.ranges()) {
			differences.add(new Difference(range.offset(), range.length(), preview(before, range), preview(after, range)));
		}
		return new Listing(differences, result.truncated());
	}

	private static String preview(MemorySource source, DiffRange range) throws IOException {
		int shown = (int) Math.min(PREVIEW, range.length());
		MemoryRead read = source.read(range.offset(), shown);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < shown; i++) {
			text.append(i == 0 ? "" : " ").append(read.isReadable(i) ? String.format("%02X", read.bytes()[i]) : "??"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		return range.length() > shown ? text + " ..." : text.toString(); //$NON-NLS-1$
	}
}
