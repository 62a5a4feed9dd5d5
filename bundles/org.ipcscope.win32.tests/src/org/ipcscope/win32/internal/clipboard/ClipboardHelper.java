package org.ipcscope.win32.internal.clipboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.ipcscope.win32.internal.HelperChannel;

/** native/clipboard_helper.exe: a process whose message-only window owns the clipboard. */
final class ClipboardHelper implements AutoCloseable {

	static final byte[] CUSTOM = { 'I', 'P', 'C', 1, 2, 3, (byte) 0xfe, (byte) 0xff };

	private final HelperChannel channel;
	final long hwnd;
	final long pid;
	final int custom;
	final int delayed;
	final long sequence;

	ClipboardHelper(String text) throws Exception {
		channel = new HelperChannel("clipboard_helper.exe", List.of("own", text), 120);
		Map<String, String> ready = HelperChannel.values(channel.line(), "READY");
		hwnd = Long.decode(ready.get("hwnd"));
		pid = Long.parseLong(ready.get("pid"));
		custom = Integer.parseInt(ready.get("custom"));
		delayed = Integer.parseInt(ready.get("delayed"));
		sequence = Long.parseLong(ready.get("sequence"));
	}

	/** @return the values of the helper's "OK ..." answer */
	Map<String, String> command(String command) throws Exception {
		channel.send(command);
		String line = channel.line();
		assertTrue(line.startsWith("OK"), command + " -> " + line);
		return HelperChannel.values(line, "OK");
	}

	/** @return how many WM_RENDERFORMAT the owner has answered */
	int renders() throws Exception {
		return Integer.parseInt(command("renders").get("renders"));
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
