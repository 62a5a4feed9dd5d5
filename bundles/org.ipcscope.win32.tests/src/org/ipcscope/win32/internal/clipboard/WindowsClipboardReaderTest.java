package org.ipcscope.win32.internal.clipboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.clipboard.ClipboardContent;
import org.ipcscope.core.clipboard.ClipboardDecoders;
import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardJsonLines;
import org.ipcscope.core.clipboard.ClipboardReader.ClipboardWatch;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ContentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The Windows clipboard reader against clipboard_helper.exe, a process that owns the clipboard
 * with text, a registered format and a delayed-rendered format.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsClipboardReaderTest {

	private final WindowsClipboardReader reader = new WindowsClipboardReader();

	@Test
	void listsFormatsOwnerAndContentWithoutRenderingTheDelayedFormat() throws Exception {
		try (ClipboardHelper owner = new ClipboardHelper("héllo clipboard")) {
			ClipboardSnapshot listed = reader.read("CLIPBOARD", ContentRequest.NONE);
			assertNull(listed.problem());
			assertEquals(owner.hwnd, listed.owner().handle());
			assertEquals(owner.pid, listed.owner().pid());
			assertEquals("clipboard_helper.exe", listed.owner().process());
			assertNull(listed.openBy(), "nobody holds it open");
			assertEquals(owner.sequence, listed.sequence());
			ClipboardFormat custom = listed.format("IpcScopeCustom");
			assertNotNull(custom, "formats: " + listed.formats());
			assertEquals(owner.custom, custom.id());
			assertEquals(owner.delayed, listed.format("IpcScopeDelayed").id());
			assertEquals(13, listed.format("CF_UNICODETEXT").id());
			assertTrue(listed.formats().stream().noneMatch(ClipboardFormat::read), "nothing read unless asked");

			ClipboardSnapshot read = reader.read("CLIPBOARD", ContentRequest.of(List.of("CF_UNICODETEXT", "ipcscopecustom"), 1024));
			ClipboardFormat text = read.format("CF_UNICODETEXT");
			assertEquals(("héllo clipboard".length() + 1) * 2, text.size());
			ClipboardContent decoded = ClipboardDecoders.decode(text);
			assertEquals("héllo clipboard", decoded.text());
			assertEquals("UTF-16LE text, NUL-terminated", decoded.summary());
			assertArrayEquals(ClipboardHelper.CUSTOM, read.format("IpcScopeCustom").content());
			assertEquals(8, read.format("IpcScopeCustom").size());
			assertFalse(read.format("IpcScopeDelayed").read());
			assertEquals(0, owner.renders(), "listing and reading the other formats made the owner render nothing");

			ClipboardSnapshot asked = reader.read("CLIPBOARD", ContentRequest.of(List.of("IpcScopeDelayed"), 1024));
			assertEquals("rendered 1", new String(asked.format("IpcScopeDelayed").content(), StandardCharsets.US_ASCII));
			assertEquals(1, owner.renders(), "asking for the delayed format made the owner render it once");
		}
	}

	@Test
	void capCutsTheContentAndKeepsTheSize() throws Exception {
		try (ClipboardHelper owner = new ClipboardHelper("0123456789")) {
			ClipboardFormat text = reader.read("CLIPBOARD", ContentRequest.of(List.of("13"), 6)).format("CF_UNICODETEXT");
			assertEquals(22, text.size());
			assertEquals(6, text.content().length);
			assertTrue(text.truncated());
			assertEquals("012", ClipboardDecoders.decode(text).text());
		}
	}

	@Test
	void decodesHtmlRtfAndFileDrops() throws Exception {
		try (ClipboardHelper owner = new ClipboardHelper("x")) {
			owner.command("rich");
			ClipboardSnapshot rich = reader.read("CLIPBOARD", ContentRequest.all(65536));
			assertEquals("<b>bold</b> text", ClipboardDecoders.decode(rich.format("HTML Format")).text());
			assertTrue(ClipboardDecoders.decode(rich.format("HTML Format")).summary().contains("from https://example.org/"));
			assertEquals("Hello rich world\nsecond line", ClipboardDecoders.decode(rich.format("Rich Text Format")).text());
			ClipboardContent files = ClipboardDecoders.decode(rich.format("CF_HDROP"));
			assertEquals("2 files", files.summary());
			assertEquals("C:\\one.txt\nC:\\two ü.txt", files.text());
		}
	}

	@Test
	void saysWhoHoldsTheClipboardOpen() throws Exception {
		try (ClipboardHelper owner = new ClipboardHelper("held")) {
			owner.command("hold");
			ClipboardSnapshot held = reader.read("CLIPBOARD", ContentRequest.NONE);
			assertEquals(owner.hwnd, held.openBy().handle());
			assertEquals(owner.pid, held.openBy().pid());
			assertNotNull(held.problem());
			assertTrue(held.problem().contains("window 0x" + Long.toHexString(owner.hwnd) + " (pid " + owner.pid), held.problem());
			owner.command("release");
			ClipboardSnapshot free = reader.read("CLIPBOARD", ContentRequest.NONE);
			assertNull(free.problem());
			assertNull(free.openBy());
			assertNotNull(free.format("IpcScopeCustom"));
		}
	}

	@Test
	void historyRecordsEachChangeAndSurvivesASaveAndOpen() throws Exception {
		try (ClipboardHelper owner = new ClipboardHelper("first")) {
			LinkedBlockingQueue<ClipboardSnapshot> changes = new LinkedBlockingQueue<>();
			try (ClipboardWatch watch = reader.watch("CLIPBOARD", ContentRequest.of(List.of("CF_UNICODETEXT"), 4096), changes::add)) {
				long second = Long.parseLong(owner.command("set second").get("sequence"));
				ClipboardSnapshot one = next(changes, "second");
				long third = Long.parseLong(owner.command("set third").get("sequence"));
				ClipboardSnapshot two = next(changes, "third");
				assertEquals(second, one.sequence());
				assertEquals(third, two.sequence());
				assertEquals(owner.pid, two.owner().pid());
				assertNotNull(two.format("IpcScopeDelayed"));
				assertNull(watch.ended());

				StringWriter saved = new StringWriter();
				ClipboardJsonLines.write(saved, List.of(one, two));
				List<ClipboardSnapshot> opened = ClipboardJsonLines.read(new BufferedReader(new StringReader(saved.toString())));
				assertEquals(2, opened.size());
				assertEquals("third", ClipboardDecoders.decode(opened.get(1).format("CF_UNICODETEXT")).text());
				assertEquals(two.owner(), opened.get(1).owner());
				assertEquals(two.formats().size(), opened.get(1).formats().size());
			}
			assertEquals(0, owner.renders(), "the history did not make the owner render its delayed format");
		}
	}

	/** @return the next change whose text is {@code text}; changes on the way (Wine's own) are skipped */
	private static ClipboardSnapshot next(LinkedBlockingQueue<ClipboardSnapshot> changes, String text) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < end) {
			ClipboardSnapshot change = changes.poll(1, TimeUnit.SECONDS);
			if (change != null && change.format("CF_UNICODETEXT") != null
					&& text.equals(ClipboardDecoders.decode(change.format("CF_UNICODETEXT")).text())) {
				return change;
			}
		}
		throw new AssertionError("no change with the text " + text + " within 30 s");
	}
}
