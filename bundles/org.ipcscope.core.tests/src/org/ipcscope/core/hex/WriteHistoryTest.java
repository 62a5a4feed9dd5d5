package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.ipcscope.core.memory.ByteArraySource;
import org.junit.jupiter.api.Test;

class WriteHistoryTest {

	@Test
	void undoRestoresAndRedoWritesAgain() throws IOException {
		ByteArraySource source = new ByteArraySource(new byte[] { 1, 2, 3, 4 });
		WriteHistory history = new WriteHistory();
		history.write(source, 1, new byte[] { 9, 9 });
		history.write(source, 3, new byte[] { 7 });
		assertArrayEquals(new byte[] { 1, 9, 9, 7 }, source.data());
		history.undo(source);
		history.undo(source);
		assertArrayEquals(new byte[] { 1, 2, 3, 4 }, source.data());
		assertFalse(history.canUndo());
		assertNull(history.undo(source));
		history.redo(source);
		assertArrayEquals(new byte[] { 1, 9, 9, 4 }, source.data());
		assertTrue(history.canRedo());
		history.write(source, 0, new byte[] { 5 });
		assertFalse(history.canRedo(), "a new write drops what was undone");
	}

	@Test
	void refusesToWriteWhatItCouldNotUndo() {
		ByteArraySource source = new ByteArraySource(8).unreadable(4, 8);
		assertThrows(IOException.class, () -> new WriteHistory().write(source, 2, new byte[4]));
	}
}
