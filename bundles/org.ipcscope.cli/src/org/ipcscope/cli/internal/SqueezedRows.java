package org.ipcscope.cli.internal;

import java.io.PrintStream;
import java.util.Arrays;

import org.ipcscope.core.hex.HexDumpFormat;
import org.ipcscope.core.memory.MemoryRead;

/**
 * Prints hex rows as {@code hexdump -C} does: a row equal to the one before it (both readable)
 * collapses with its like into one {@code *} line; the last row is always printed.
 */
final class SqueezedRows {

	private final HexDumpFormat format;
	private final PrintStream out;
	private byte[] previous;
	private boolean squeezing;

	SqueezedRows(HexDumpFormat format, PrintStream out) {
		this.format = format;
		this.out = out;
	}

	/**
	 * @param address where the row starts
	 * @param read    the chunk the row is in; {@code row} its index there
	 * @param last    whether no row follows (it is printed even if it repeats)
	 */
	void print(long address, MemoryRead read, int row, int rowLength, boolean last) {
		byte[] bytes = Arrays.copyOfRange(read.bytes(), row, row + rowLength);
		boolean readable = read.unreadable().get(row, row + rowLength).isEmpty();
		if (previous != null && !last && readable && Arrays.equals(previous, bytes)) {
			if (!squeezing) {
				out.println("*");
				squeezing = true;
			}
		} else {
			out.println(format.row(address, read.bytes(), read.unreadable(), row, rowLength));
			squeezing = false;
		}
		previous = readable ? bytes : null;
	}
}
