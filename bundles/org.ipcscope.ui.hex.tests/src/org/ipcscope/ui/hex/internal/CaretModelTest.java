package org.ipcscope.ui.hex.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.ui.hex.internal.HexLayout.Pane;
import org.junit.jupiter.api.Test;

/** The hex view's caret and selection without a display: clamping, selections, typed nibbles and text. */
class CaretModelTest {

	private static CaretModel model(long size) {
		CaretModel model = new CaretModel();
		model.setSize(size);
		return model;
	}

	@Test
	void theCaretStaysInsideTheRegion() {
		CaretModel model = model(100);
		model.moveTo(-5, false);
		assertEquals(0, model.caret());
		model.moveTo(1000, false);
		assertEquals(99, model.caret());
		assertEquals(1, model.selectionLength(), "the caret's byte");
		assertTrue(model.setSize(50));
		assertEquals(49, model.caret(), "a shrinking region pulls the caret in");
		assertFalse(model.setSize(50), "the same size is no change");
		assertEquals(0, model(0).selectionLength(), "nothing is selected in an empty region");
	}

	@Test
	void selectingAndExtending() {
		CaretModel model = model(100);
		model.select(10, 5);
		assertEquals(10, model.selectionStart());
		assertEquals(5, model.selectionLength());
		assertEquals(14, model.caret(), "the caret on the last byte");
		assertTrue(model.isSelected(10) && model.isSelected(14));
		assertFalse(model.isSelected(9) || model.isSelected(15));
		model.moveTo(5, true);
		assertEquals(5, model.selectionStart(), "extended backwards past the anchor");
		assertEquals(6, model.selectionLength());
		model.moveTo(20, false);
		assertFalse(model.isSelected(20), "one byte is the caret, not a selection");
		model.select(95, 50);
		assertEquals(99, model.caret(), "a selection past the end stops at the last byte");
		assertEquals(96, model.home(16, false), "the start of the caret's row");
		assertEquals(0, model.home(16, true));
		model.moveTo(20, false);
		assertEquals(31, model.end(16, false));
		assertEquals(99, model.end(16, true));
	}

	@Test
	void twoHexDigitsMakeOneByteEvenIfTheShownByteChangesBetween() {
		CaretModel model = model(16);
		assertNull(model.typeHex('a', 0x00), "read-only: nothing typed");
		model.setWritable(true);
		CaretModel.Nibble high = model.typeHex('a', 0x12);
		assertEquals((byte) 0xA2, high.value());
		assertFalse(high.complete());
		assertTrue(model.isLowNibble());
		// a refresh brought back the old byte: the low digit completes the byte being typed
		CaretModel.Nibble low = model.typeHex('7', 0x12);
		assertEquals((byte) 0xA7, low.value());
		assertTrue(low.complete());
		assertNull(model.typeHex('g', 0x12), "not a hex digit");
		assertNull(model.typeHex('1', null), "no byte shown there");
	}

	@Test
	void aClickOnTheLowDigitStartsThereOnlyWhenWritable() {
		CaretModel model = model(16);
		model.clicked(Pane.HEX, true);
		assertFalse(model.isLowNibble(), "read-only");
		model.setWritable(true);
		model.clicked(Pane.HEX, true);
		assertTrue(model.isLowNibble());
		assertEquals((byte) 0x15, model.typeHex('5', 0x10).value(), "the low digit replaced");
		model.togglePane();
		assertEquals(Pane.TEXT, model.pane());
		assertFalse(model.isLowNibble(), "switching panes ends a half typed byte");
	}

	@Test
	void textIsTypedInTheEncodingAndNotPastTheEnd() {
		CaretModel model = model(4);
		model.setWritable(true);
		assertArrayEquals(new byte[] { 'A' }, model.typeText('A', TextEncoding.ASCII));
		assertArrayEquals(new byte[] { 'A', 0 }, model.typeText('A', TextEncoding.UTF_16LE));
		assertArrayEquals(new byte[] { (byte) 0xC3, (byte) 0xA9 }, model.typeText('\u00e9', TextEncoding.UTF_8));
		assertNull(model.typeText('\u00e9', TextEncoding.ASCII), "not ASCII");
		assertNull(model.typeText('\n', TextEncoding.ASCII), "a control character");
		model.moveTo(3, false);
		assertNull(model.typeText('A', TextEncoding.UTF_16LE), "two bytes do not fit before the end");
		assertArrayEquals(new byte[] { 'A' }, model.typeText('A', TextEncoding.LATIN_1));
	}
}
