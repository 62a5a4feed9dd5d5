package org.ipcscope.win32.internal.sniff;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.sniff.WindowInfo;
import org.junit.jupiter.api.AfterEach;

/** A sniffer per test, and whatever the test opened (receivers, sessions) closed after it, last first. */
abstract class CaptureTestBase {

	protected final WindowsCopyDataSniffer sniffer = new WindowsCopyDataSniffer();
	private final List<AutoCloseable> toClose = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : toClose.reversed()) {
			closeable.close();
		}
		sniffer.deactivate();
	}

	protected <T extends AutoCloseable> T open(T closeable) {
		toClose.add(closeable);
		return closeable;
	}

	/** @return the receiver's window as the sniffer lists it */
	protected WindowInfo window(CopyDataHelper receiver) throws Exception {
		return sniffer.windows().stream().filter(w -> w.hwnd() == receiver.hwnd).findFirst()
				.orElseThrow(() -> new AssertionError("window 0x" + Long.toHexString(receiver.hwnd) + " not listed"));
	}
}
