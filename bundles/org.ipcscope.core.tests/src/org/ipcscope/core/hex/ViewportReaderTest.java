package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.ipcscope.core.memory.ByteArraySource;
import org.ipcscope.core.memory.SourceGoneException;
import org.junit.jupiter.api.Test;

class ViewportReaderTest {

	@Test
	void marksChangedBytesAndFadesThemOverTheHistoryDepth() throws IOException {
		ByteArraySource source = new ByteArraySource(1024);
		ViewportReader reader = new ViewportReader(source, 3);
		Viewport first = reader.refresh(0, 64);
		assertEquals(0, first.changedNow(), "the first look has nothing to compare with");

		source.data()[5] = 1;
		Viewport second = reader.refresh(0, 64);
		assertEquals(0, second.ages()[5]);
		assertEquals(1.0, second.heat(5));
		assertFalse(second.isChanged(4));

		Viewport third = reader.refresh(0, 64);
		assertEquals(1, third.ages()[5]);
		assertEquals(2.0 / 3, third.heat(5), 1e-9);
		reader.refresh(0, 64);
		Viewport fifth = reader.refresh(0, 64);
		assertFalse(fifth.isChanged(5), "after 3 refreshes the mark is gone");
	}

	@Test
	void readsOnlyTheWindow() throws IOException {
		ByteArraySource source = new ByteArraySource(1 << 20);
		ViewportReader reader = new ViewportReader(source, 5);
		for (int i = 0; i < 10; i++) {
			reader.refresh(4096, 512);
		}
		assertEquals(10 * 512, source.bytesRead());
	}

	@Test
	void aScrollKeepsTheHistoryOfBytesStillInViewAndDoesNotAgeIt() throws IOException {
		ByteArraySource source = new ByteArraySource(1024);
		ViewportReader reader = new ViewportReader(source, 4);
		reader.refresh(0, 64);
		source.data()[40] = 9;
		reader.refresh(0, 64);
		Viewport scrolled = reader.move(32, 64);
		assertEquals(0, scrolled.ages()[8], "byte 40 is at index 8 after the scroll, still age 0");
		Viewport back = reader.move(0, 64);
		assertEquals(0, back.ages()[40]);
		assertFalse(back.isChanged(0), "bytes that scrolled out and back in start without history");
	}

	@Test
	void bytesBecomingUnreadableCountAsChanged() throws IOException {
		ByteArraySource source = new ByteArraySource(64);
		ViewportReader reader = new ViewportReader(source, 2);
		reader.refresh(0, 64);
		source.unreadable(10, 12);
		Viewport viewport = reader.refresh(0, 64);
		assertTrue(viewport.isChanged(10) && viewport.isChanged(11) && !viewport.isChanged(12));
		assertFalse(viewport.isReadable(10));
	}

	@Test
	void aVanishedSourceSaysSo() throws IOException {
		ByteArraySource source = new ByteArraySource(64);
		ViewportReader reader = new ViewportReader(source, 2);
		reader.refresh(0, 64);
		source.setGone();
		assertThrows(SourceGoneException.class, () -> reader.refresh(0, 64));
	}

	@Test
	void historyDepthIsBounded() {
		assertThrows(IllegalArgumentException.class, () -> new ChangeHistory(0));
		assertThrows(IllegalArgumentException.class, () -> new ChangeHistory(101));
	}
}
