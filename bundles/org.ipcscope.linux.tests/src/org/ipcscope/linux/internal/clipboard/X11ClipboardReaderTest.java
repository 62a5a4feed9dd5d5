package org.ipcscope.linux.internal.clipboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.clipboard.ClipboardDecoders;
import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardReader.ClipboardWatch;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ContentRequest;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.PrivateXServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The X11 reader against x_clipboard_owner, a real X client owning a selection on a private Xvfb. */
class X11ClipboardReaderTest {

	private static PrivateXServer server;
	private static X11ClipboardReader reader;

	@BeforeAll
	static void startServer() throws Exception {
		server = new PrivateXServer();
		reader = new X11ClipboardReader(server.display);
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	private static HelperProcess owner(String selection, String text) throws Exception {
		return HelperProcess.start(1, "env", "DISPLAY=" + server.display, HelperProcess.helper("x_clipboard_owner").toString(),
				selection, text);
	}

	@Test
	void showsOwnerProcessTargetsAndTheContentAskedFor() throws Exception {
		try (HelperProcess owner = owner("CLIPBOARD", "héllo X11")) {
			String ready = owner.readyLines().get(0);
			long window = Long.decode(ready.replaceAll(".*window=(0x[0-9a-f]+).*", "$1"));
			long pid = Long.parseLong(ready.replaceAll(".*pid=(\\d+).*", "$1"));

			ClipboardSnapshot listed = reader.read("CLIPBOARD", ContentRequest.NONE);
			assertNull(listed.problem());
			assertEquals(window, listed.owner().handle());
			assertEquals(pid, listed.owner().pid());
			assertEquals("x_clipboard_own", listed.owner().process(), "comm is cut to 15 bytes");
			// the server's word (libxcb-res is in the build's packages) comes before the helper's _NET_WM_PID
			assertEquals("XRes", listed.owner().how());
			assertEquals(List.of("TARGETS", "TIMESTAMP", "DELETE", "UTF8_STRING", "STRING", "text/html", "application/x-ipcscope"),
					listed.formats().stream().map(ClipboardFormat::name).toList());
			assertTrue(listed.formats().stream().noneMatch(ClipboardFormat::read));

			ClipboardSnapshot all = reader.read("CLIPBOARD", ContentRequest.all(4096));
			assertEquals("héllo X11", ClipboardDecoders.decode(all.format("UTF8_STRING")).text());
			assertEquals("<b>héllo X11</b>", ClipboardDecoders.decode(all.format("text/html")).text());
			assertArrayEquals(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, all.format("application/x-ipcscope").content());
			assertFalse(all.format("DELETE").read(), "DELETE would ask the owner to give up its data");
			// the owner prints each request: TARGETS for each read, then each content target once, never DELETE
			assertNull(reader.read("PRIMARY", ContentRequest.NONE).owner(), "nobody owns PRIMARY");
			reader.read("CLIPBOARD", ContentRequest.NONE);
			List<String> requests = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				requests.add(owner.awaitLine(l -> l.startsWith("REQUEST "), Duration.ofSeconds(30)));
			}
			assertEquals(List.of("REQUEST TARGETS", "REQUEST TARGETS", "REQUEST UTF8_STRING", "REQUEST STRING",
					"REQUEST text/html", "REQUEST application/x-ipcscope", "REQUEST TARGETS"), requests);
		}
	}

	@Test
	void watchReportsEachNewOwner() throws Exception {
		LinkedBlockingQueue<ClipboardSnapshot> changes = new LinkedBlockingQueue<>();
		try (ClipboardWatch watch = reader.watch("PRIMARY", ContentRequest.of(List.of("UTF8_STRING"), 100), changes::add)) {
			try (HelperProcess first = owner("PRIMARY", "first")) {
				assertEquals("first", text(changes.poll(30, TimeUnit.SECONDS)));
				try (HelperProcess second = owner("PRIMARY", "second")) {
					ClipboardSnapshot change = changes.poll(30, TimeUnit.SECONDS);
					assertEquals("second", text(change));
					assertTrue(change.sequence() > 0, "the XFixes timestamp");
					first.awaitLine("LOST"::equals, Duration.ofSeconds(30));
				}
			}
			assertNull(watch.ended());
		}
	}

	private static String text(ClipboardSnapshot change) {
		assertTrue(change != null, "a change was reported");
		return ClipboardDecoders.decode(change.format("UTF8_STRING")).text();
	}
}
