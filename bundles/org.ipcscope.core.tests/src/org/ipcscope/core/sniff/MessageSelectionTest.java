package org.ipcscope.core.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageSelectionTest {

	private static final int WM_PAINT = 0x000F;
	private static final int WM_TIMER = 0x0113;
	private static final int WM_CLOSE = 0x0010;
	private static final int REGISTERED = 0xC123;

	@Test
	void theDefaultLeavesOutTheNoisyMessagesOnly() {
		MessageSelection selection = MessageSelection.DEFAULT;
		for (String noisy : MessageSelection.NOISY) {
			int id = WindowMessages.standardId(noisy).orElseThrow();
			assertFalse(selection.accepts(id, null), noisy);
		}
		assertTrue(selection.accepts(WM_CLOSE, null));
		assertTrue(selection.accepts(WindowMessages.WM_COPYDATA, null));
		assertTrue(selection.accepts(0x0401, null));
		assertTrue(selection.accepts(REGISTERED, "Mapped"));
		assertFalse(selection.accepts(0x10000, null), "above 0xFFFF only with all");
		assertTrue(MessageSelection.ALL.accepts(WM_PAINT, null));
		assertTrue(MessageSelection.ALL.accepts(0x10000, null));
	}

	@Test
	void setsNumbersAndNamesTakeMessagesInAndOut() {
		MessageSelection selection = MessageSelection.parse("copydata, user, 0x10, WM_timer");
		assertTrue(selection.accepts(WindowMessages.WM_COPYDATA, null));
		assertTrue(selection.accepts(0x0400, null));
		assertTrue(selection.accepts(0xBFFF, null), "WM_APP range");
		assertFalse(selection.accepts(REGISTERED, "Mapped"));
		assertTrue(selection.accepts(WM_CLOSE, null));
		assertTrue(selection.accepts(WM_TIMER, null), "SDK names in any case");
		assertFalse(selection.accepts(WM_PAINT, null));

		MessageSelection quieter = MessageSelection.parse("default,-WM_CLOSE,-user,WM_TIMER");
		assertFalse(quieter.accepts(WM_CLOSE, null));
		assertFalse(quieter.accepts(0x0401, null));
		assertTrue(quieter.accepts(WM_TIMER, null), "an item adds a noisy message back");
		assertTrue(MessageSelection.parse("WM_USER+1").accepts(0x0401, null));
		assertTrue(MessageSelection.parse("WM_APP+0x2").accepts(0x8002, null));
	}

	@Test
	void registeredNamesMatchOnceResolvedAndWidenWhatMustBeLookedAt() {
		MessageSelection selection = MessageSelection.parse("Mapped,Handle,-Shared,registered");
		assertTrue(selection.accepts(REGISTERED, "Mapped"));
		assertTrue(selection.accepts(REGISTERED, "Other"), "registered takes every one in");
		assertFalse(selection.accepts(REGISTERED, "Shared"), "taken out by name");
		assertTrue(selection.mayAccept(REGISTERED), "looked at before its name is known");

		MessageSelection byName = MessageSelection.parse("Mapped");
		assertTrue(byName.mayAccept(REGISTERED));
		assertFalse(byName.mayAccept(WM_CLOSE));
		assertTrue(byName.accepts(REGISTERED, "Mapped"));
		assertFalse(byName.accepts(REGISTERED, "mapped"), "a registered name matches exactly");
		assertEquals(java.util.List.of("Mapped"), byName.names());
	}

	@Test
	void badListsSayWhichItem() {
		assertThrows(IllegalArgumentException.class, () -> MessageSelection.parse(""));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MessageSelection.parse("copydata,,user"))
				.getMessage().startsWith("empty item"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MessageSelection.parse("0x10000")).getMessage()
				.contains("0x10000"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MessageSelection.parse("12abc")).getMessage()
				.contains("12abc"));
		assertThrows(IllegalArgumentException.class, () -> MessageSelection.parse("a\u0001b"));
	}

	@Test
	void namesAndNumbersShowAsTheSdkSpellsThem() {
		assertEquals("WM_COPYDATA", WindowMessages.display(0x4a, null));
		assertEquals("WM_USER+0x1", WindowMessages.display(0x401, null));
		assertEquals("WM_APP+0x10", WindowMessages.display(0x8010, null));
		assertEquals("0xc123", WindowMessages.display(REGISTERED, null));
		assertEquals("Mapped", WindowMessages.display(REGISTERED, "Mapped"));
		assertEquals("0x0019", WindowMessages.display(0x19, null));
		assertEquals(0x401, WindowMessages.standardId("wm_user+1").orElseThrow());
		assertTrue(WindowMessages.standardId("WM_USER+0x7c00").isEmpty(), "past WM_USER's range");
	}
}
