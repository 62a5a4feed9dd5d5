package org.ipcscope.ui.hex.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scrollbar covers every row, scaled where rows outnumber what a scrollbar holds. */
class ScrollMappingTest {

	@Test
	void rowsAsPositionsWhileTheyFit() {
		ScrollMapping mapping = new ScrollMapping(1000, 40);
		assertFalse(mapping.isScaled());
		assertEquals(1000, mapping.maximum());
		assertEquals(40, mapping.thumb());
		assertEquals(960, mapping.lastTopRow());
		assertEquals(123, mapping.topRowFor(mapping.selectionFor(123)));
		assertEquals(960, mapping.topRowFor(5000));
	}

	@Test
	void twoGibibytesAtSixteenBytesARowReachTheEnd() {
		long rows = (2L << 30) / 16;
		ScrollMapping mapping = new ScrollMapping(rows, 50);
		assertTrue(mapping.isScaled());
		int last = mapping.maximum() - mapping.thumb();
		assertEquals(rows - 50, mapping.topRowFor(last), "the scrollbar's end is the last row");
		assertEquals(0, mapping.topRowFor(0));
		assertEquals(last, mapping.selectionFor(rows - 50));
		long middle = mapping.topRowFor(last / 2);
		assertEquals((rows - 50) / 2, middle, rows / ScrollMapping.MAX_POSITIONS + 1.0);
	}

	@Test
	void everyRowMapsToAPositionThatMapsBackNearIt() {
		ScrollMapping mapping = new ScrollMapping(1_000_000, 10, 1000);
		assertTrue(mapping.isScaled());
		for (long row = 0; row < 1_000_000; row += 9_973) {
			long back = mapping.topRowFor(mapping.selectionFor(row));
			assertTrue(Math.abs(back - row) <= 1000, row + " -> " + back);
		}
	}

	@Test
	void aWholeAddressSpace() {
		ScrollMapping mapping = new ScrollMapping(Long.MAX_VALUE / 16, 60);
		assertEquals(Long.MAX_VALUE / 16 - 60, mapping.topRowFor(mapping.maximum() - mapping.thumb()));
	}

	@Test
	void fewerRowsThanTheViewShows() {
		ScrollMapping mapping = new ScrollMapping(3, 40);
		assertEquals(0, mapping.lastTopRow());
		assertEquals(0, mapping.topRowFor(10));
	}
}
