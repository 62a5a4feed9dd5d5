package org.ipcscope.core.hex;

import java.util.BitSet;

/**
 * Rows of a text hex dump in the layout of {@code hexdump -C}: offset, bytes in two halves,
 * text between bars. Unreadable bytes show as {@code ??}. Changed bytes can be marked on a line
 * of carets below the row, which works in any terminal and in logs.
 */
public final class HexDumpFormat {

	private final int bytesPerRow;
	private final int offsetDigits;
	private final TextEncoding encoding;

	/**
	 * @param bytesPerRow 8, 16 or 32
	 * @param end         the largest offset shown, for the width of the offset column
	 */
	public HexDumpFormat(int bytesPerRow, long end, TextEncoding encoding) {
		this.bytesPerRow = bytesPerRow;
		this.offsetDigits = Math.max(8, (64 - Long.numberOfLeadingZeros(Math.max(1, end)) + 3) / 4);
		this.encoding = encoding;
	}

	public int bytesPerRow() {
		return bytesPerRow;
	}

	/**
	 * @param offset where the row starts in the source
	 * @param bytes  a window holding the row at {@code from}, with up to {@code bytesPerRow} bytes
	 */
	public String row(long offset, byte[] bytes, BitSet unreadable, int from, int count) {
		StringBuilder out = new StringBuilder(offsetDigits + bytesPerRow * 4 + 8);
		out.append(String.format("%0" + offsetDigits + "x", offset)).append("  ");
		for (int i = 0; i < bytesPerRow; i++) {
			if (i > 0 && i % 8 == 0) {
				out.append(' ');
			}
			if (i >= count) {
				out.append("   ");
			} else if (unreadable.get(from + i)) {
				out.append("?? ");
			} else {
				out.append(Character.forDigit((bytes[from + i] >> 4) & 0xF, 16))
						.append(Character.forDigit(bytes[from + i] & 0xF, 16)).append(' ');
			}
		}
		out.append(" |");
		int cells = count - count % encoding.bytesPerCell();
		encoding.render(bytes, unreadable, from, cells, out);
		return out.append('|').toString();
	}

	/**
	 * @param changed indexes of {@code bytes} to mark
	 * @return a line with {@code ^^} under the marked bytes of a row formatted by {@link #row}
	 */
	public String marks(BitSet changed, int from, int count) {
		StringBuilder out = new StringBuilder();
		out.append(" ".repeat(offsetDigits + 2));
		for (int i = 0; i < count; i++) {
			if (i > 0 && i % 8 == 0) {
				out.append(' ');
			}
			out.append(changed.get(from + i) ? "^^ " : "   ");
		}
		return out.toString().stripTrailing();
	}
}
