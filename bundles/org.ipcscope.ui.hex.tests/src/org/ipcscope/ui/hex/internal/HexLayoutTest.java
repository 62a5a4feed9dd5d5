package org.ipcscope.ui.hex.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.BitSet;

import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.ui.hex.internal.HexLayout.Hit;
import org.ipcscope.ui.hex.internal.HexLayout.Pane;
import org.junit.jupiter.api.Test;

/** Row geometry in character cells: what the painter draws where the mouse finds it. */
class HexLayoutTest {

	private static final byte[] BYTES = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88 };

	@Test
	void bytesOneByOne() {
		HexLayout layout = new HexLayout(8, 1, false, TextEncoding.ASCII, 8);
		assertEquals("11 22 33 44 55 66 77 88", layout.hexText(BYTES, new BitSet(), 0, 8));
		assertEquals(10, layout.hexStart());
		assertEquals(10 + 23 + 2, layout.textStart());
		assertEquals(new Hit(Pane.HEX, 1, true), layout.hit(10 + 4));
		assertEquals(new Hit(Pane.TEXT, 3, false), layout.hit(layout.textStart() + 3));
		assertNull(layout.hit(2), "the offset column");
	}

	@Test
	void littleEndianGroupsReadAsNumbers() {
		HexLayout layout = new HexLayout(8, 4, true, TextEncoding.ASCII, 8);
		assertEquals("44332211 88776655", layout.hexText(BYTES, new BitSet(), 0, 8));
		assertEquals(layout.hexStart() + 6, layout.hexColumn(0), "the first byte is the last pair of its group");
		assertEquals(new Hit(Pane.HEX, 3, false), layout.hit(layout.hexStart()));
		assertEquals(new Hit(Pane.HEX, 4, true), layout.hit(layout.hexStart() + 9 + 7));
		assertEquals(3, layout.indexAtDisplayPosition(0));
		assertEquals(4, layout.indexAtDisplayPosition(7));
	}

	@Test
	void bigEndianGroupsKeepMemoryOrder() {
		HexLayout layout = new HexLayout(8, 2, false, TextEncoding.ASCII, 8);
		assertEquals("1122 3344 5566 7788", layout.hexText(BYTES, new BitSet(), 0, 8));
	}

	@Test
	void unreadableAndShortRows() {
		BitSet unreadable = new BitSet();
		unreadable.set(1);
		HexLayout layout = new HexLayout(8, 1, false, TextEncoding.ASCII, 8);
		assertEquals("11 ?? 33               ", layout.hexText(BYTES, unreadable, 0, 3));
	}

	@Test
	void utf16TakesOneTextCellPerTwoBytes() {
		HexLayout layout = new HexLayout(16, 1, false, TextEncoding.UTF_16LE, 8);
		assertEquals(8, layout.textWidth());
		assertEquals(layout.textStart() + 3, layout.textColumn(7));
		assertEquals(new Hit(Pane.TEXT, 6, false), layout.hit(layout.textStart() + 3));
	}

	@Test
	void autoFitFillsTheWidthInStepsOfEightBytes() {
		int width16 = new HexLayout(16, 1, false, TextEncoding.ASCII, 8).totalChars();
		assertEquals(16, HexLayout.autoFit(width16, 1, TextEncoding.ASCII, 8));
		assertEquals(16, HexLayout.autoFit(width16 + 5, 1, TextEncoding.ASCII, 8));
		assertEquals(8, HexLayout.autoFit(10, 1, TextEncoding.ASCII, 8), "never fewer than 8");
		assertEquals(48, HexLayout.autoFit(new HexLayout(48, 4, false, TextEncoding.ASCII, 8).totalChars(), 4,
				TextEncoding.ASCII, 8));
	}
}
