package org.ipcscope.linux.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import org.ipcscope.core.hex.WriteHistory;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/** A write into another process, when enabled, is seen by that process itself; so are its undo and redo. */
class ProcessWriteTest {

	@Test
	void theProcessSeesTheWriteItsUndoAndItsRedo() throws Exception {
		String text = "WATCHED-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "watch", text);
				MemorySource memory = new LinuxProcessMemoryProvider().open(helper.pid(), true)) {
			long address = Long.parseUnsignedLong(helper.readyLines().get(0).split(" ")[1].substring(2), 16);
			awaitSeen(helper, text);
			WriteHistory history = new WriteHistory();
			history.write(memory, address, "CHANGED".getBytes(StandardCharsets.US_ASCII));
			String changed = "CHANGED" + text.substring(7);
			awaitSeen(helper, changed);
			history.undo(memory);
			awaitSeen(helper, text);
			history.redo(memory);
			awaitSeen(helper, changed);
		}
	}

	/** The helper's watching thread prints "SEEN hex" whenever the bytes at its address change. */
	private static void awaitSeen(HelperProcess helper, String text) throws Exception {
		String line = "SEEN " + HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
		helper.awaitLine(line::equals, Duration.ofSeconds(10));
	}
}
