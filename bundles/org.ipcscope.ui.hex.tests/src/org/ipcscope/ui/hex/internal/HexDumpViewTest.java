package org.ipcscope.ui.hex.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.hex.HexDumpView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read-only {@link HexDumpView} is the editor's canvas over an array: it paints the array's
 * bytes, scrolls, moves the caret, selects and copies, and what is typed over it writes nothing.
 */
class HexDumpViewTest {

	private static final int SIZE = 4096;

	private final byte[] source = new byte[SIZE];
	private final byte[] original = new byte[SIZE];
	private Shell shell;
	private HexDumpView view;
	private HexCanvas canvas;

	@BeforeEach
	void open() throws Exception {
		for (int i = 0; i < SIZE; i++) {
			source[i] = (byte) (i * 7 + i / 256);
		}
		System.arraycopy("hello".getBytes(), 0, source, 16, 5);
		System.arraycopy(source, 0, original, 0, SIZE);
		shell = new Shell(Display.getDefault());
		shell.setLayout(new FillLayout());
		view = new HexDumpView(shell, SWT.BORDER);
		view.setBytes(source);
		shell.setSize(720, 300);
		shell.open();
		canvas = (HexCanvas) view.getChildren()[0];
		HexUi.waitUntil(() -> canvas.paints() > 0, "the dump to be painted");
	}

	@AfterEach
	void close() {
		if (shell != null) {
			shell.dispose();
		}
	}

	@Test
	void showsTheBytesOfItsSource() throws Exception {
		assertEquals("00000000  00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69  .....#*18?FMT[bi", view.rowText(0));
		assertEquals("00000010  68 65 6C 6C 6F 93 9A A1 A8 AF B6 BD C4 CB D2 D9  hello...........", view.rowText(1));
		assertEquals(SIZE / 16, view.rowCount());
		// what the painter paints: the frame handed to the canvas holds the source's visible rows
		int shown = canvas.frame().viewport().length();
		assertEquals(canvas.visibleRows() * 16, shown, "the visible rows, no more");
		assertArrayEquals(Arrays.copyOfRange(source, 0, shown), canvas.frame().viewport().bytes());
		List<String> rows = view.visibleRows();
		assertEquals(view.rowText(0), rows.get(0));
		Screenshots.save(shell, "HexDumpViewTest-top");

		view.setTopRow(Long.MAX_VALUE);
		HexUi.waitUntil(() -> view.visibleRows().get(view.visibleRows().size() - 1).startsWith("00000FF0  "),
				"the last row shown");
		long top = view.topRow();
		assertEquals(canvas.frame().viewport().offset(), top * 16);
		assertEquals(canvas.byteAt(SIZE - 1), source[SIZE - 1] & 0xFF, "the last byte painted");
		Screenshots.save(shell, "HexDumpViewTest-end");
	}

	@Test
	void typingWritesNothing() throws Exception {
		view.setFocus();
		assertEquals(0, view.caret());
		// two hex digits in the hex pane, then an arrow: the arrow moving the caret shows the keys arrived
		type('4');
		type('1');
		key(SWT.ARROW_RIGHT, 0);
		assertEquals(1, view.caret(), "the arrow after the digits moved the caret");
		assertArrayEquals(original, source, "the source is unchanged");
		assertEquals(original[0] & 0xFF, canvas.byteAt(0), "the byte shown is unchanged");

		// in the text pane (Tab), a letter, then an arrow
		Event tab = new Event();
		tab.detail = SWT.TRAVERSE_TAB_NEXT;
		tab.doit = true;
		canvas.notifyListeners(SWT.Traverse, tab);
		assertEquals(HexLayout.Pane.TEXT, canvas.pane());
		type('x');
		key(SWT.ARROW_RIGHT, 0);
		assertEquals(2, view.caret());
		assertArrayEquals(original, source, "the source is unchanged");
		assertEquals(original[1] & 0xFF, canvas.byteAt(1));
		assertEquals("00000000  00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69  .....#*18?FMT[bi", view.rowText(0));
	}

	@Test
	void selectsAndCopiesAsHex() throws Exception {
		key(SWT.ARROW_DOWN, 0);
		for (int i = 0; i < 4; i++) {
			key(SWT.ARROW_RIGHT, SWT.SHIFT);
		}
		assertEquals(16, view.selectionStart());
		assertEquals(5, view.selectionLength());
		HexUi.spin(100);
		Screenshots.save(shell, "HexDumpViewTest-selection");
		Event copy = new Event();
		copy.keyCode = 'c';
		copy.character = 3;
		copy.stateMask = SWT.MOD1;
		canvas.notifyListeners(SWT.KeyDown, copy);
		Clipboard clipboard = new Clipboard(shell.getDisplay());
		try {
			assertEquals(CopyFormat.HEX.format("hello".getBytes()), clipboard.getContents(TextTransfer.getInstance()));
		} finally {
			clipboard.dispose();
		}
		key(SWT.END, SWT.MOD1);
		assertEquals(SIZE - 1, view.caret());
		assertTrue(view.topRow() > 0, "the caret at the end scrolled there");
		assertArrayEquals(original, source);
	}

	private void key(int keyCode, int stateMask) {
		Event event = new Event();
		event.keyCode = keyCode;
		event.stateMask = stateMask;
		canvas.notifyListeners(SWT.KeyDown, event);
	}

	private void type(char c) {
		Event event = new Event();
		event.character = c;
		event.keyCode = c;
		canvas.notifyListeners(SWT.KeyDown, event);
	}
}
