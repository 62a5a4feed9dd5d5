package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.ui.sniff.internal.WindowFilter.Field;
import org.junit.jupiter.api.Test;

/** The window picker's filter: by title, by class, or by anything the list shows. */
class WindowFilterTest {

	private static final WindowInfo NOTEPAD = new WindowInfo(0x20a4c, "Notepad", "notes.txt - Notepad", 812, 900,
			"notepad.exe", false);
	private static final WindowInfo HIDDEN = new WindowInfo(0x3001e, "IpcReceiverClass", "", 1200, 1204,
			"receiver.exe", true);

	@Test
	void byTitleOrByClassIgnoringCase() {
		assertTrue(new WindowFilter("NOTES", Field.TITLE, true).test(NOTEPAD));
		assertFalse(new WindowFilter("notes", Field.CLASS, true).test(NOTEPAD));
		assertTrue(new WindowFilter("receiverclass", Field.CLASS, true).test(HIDDEN));
		assertFalse(new WindowFilter("receiverclass", Field.TITLE, true).test(HIDDEN));
	}

	@Test
	void anythingMatchesTitleClassProcessHandleOrPid() {
		assertTrue(new WindowFilter("notepad.exe", Field.ANY, true).test(NOTEPAD));
		assertTrue(new WindowFilter("0x20a4c", Field.ANY, true).test(NOTEPAD));
		assertTrue(new WindowFilter("812", Field.ANY, true).test(NOTEPAD));
		assertFalse(new WindowFilter("81", Field.ANY, true).test(NOTEPAD), "pids match whole");
		assertTrue(new WindowFilter("  ", Field.ANY, true).test(NOTEPAD));
	}

	@Test
	void messageOnlyWindowsCanBeLeftOut() {
		assertTrue(new WindowFilter("", Field.ANY, true).test(HIDDEN));
		assertFalse(new WindowFilter("", Field.ANY, false).test(HIDDEN));
		assertTrue(new WindowFilter("", Field.ANY, false).test(NOTEPAD));
	}

	@Test
	void describesAWindowOnOneLine() {
		assertEquals("0x20a4c \"notes.txt - Notepad\" [Notepad] of notepad.exe (812)", WindowFilter.describe(NOTEPAD));
	}
}
