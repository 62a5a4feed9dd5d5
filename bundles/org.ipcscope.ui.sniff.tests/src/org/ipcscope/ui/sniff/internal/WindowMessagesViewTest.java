package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.CapturedMessage.Kind;
import org.ipcscope.ui.hex.MemoryEditorInput;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.junit.jupiter.api.Test;

/**
 * A version 2 capture of the seed 002 protocol, as a Windows capture saves it: registered
 * messages "Mapped", "Handle" and "Shared" sent and posted with the sender's pid and an address in
 * wParam and lParam, beside a WM_COPYDATA and an unnamed WM_USER message. Loaded into the Sniffer
 * view on Linux, each row and the detail pane show the message's own fields.
 * Screenshots: target/screenshots/WindowMessagesViewTest-*.png
 */
class WindowMessagesViewTest extends CopyDataViewFixture {

	private static final long ADDRESS = 0x0000_7ff6_1234_5670L;

	static List<CapturedMessage> seedProtocol() {
		long t = 1_763_820_000_500_000L;
		return List.of(
				new CapturedMessage(1, t, Kind.SENT, 0xc1a0, "Mapped", SENDER_PID, ADDRESS, SENDER_PID, 4311,
						RECEIVER.hwnd(), 0, 0, new byte[0], 1),
				new CapturedMessage(2, t + 10, Kind.POSTED, 0xc1a1, "Handle", SENDER_PID, 0x1f4, -1, -1,
						RECEIVER.hwnd(), 0, 0, new byte[0], CapturedMessage.UNKNOWN_RESULT),
				new CapturedMessage(3, t + 20, Kind.SENT, 0xc1a2, "Shared", 0xffff_ffff_ffff_fffeL, ADDRESS + 0x40,
						-1, 4311, RECEIVER.hwnd(), 0, 0, new byte[0], 0),
				new CapturedMessage(4, t + 30, SENDER, SENDER_PID, RECEIVER.hwnd(), 0x10, 5,
						"hello".getBytes(StandardCharsets.US_ASCII), 1),
				new CapturedMessage(5, t + 40, Kind.POSTED, 0x0401, null, 7, 8, -1, -1, RECEIVER.hwnd(), 0, 0,
						new byte[0], CapturedMessage.UNKNOWN_RESULT));
	}

	@Test
	void registeredMessagesShowNameKindAndParametersInRowsAndDetail() throws Exception {
		Path file = write("seed002.jsonl", seedProtocol());
		assertTrue(Files.readAllLines(file).get(0).contains("\"version\":2"), "a version 2 file");
		load(file, 5);

		assertEquals("sent Mapped", text(0, MessageColumn.MESSAGE));
		assertEquals("posted Handle", text(1, MessageColumn.MESSAGE));
		assertEquals("sent Shared", text(2, MessageColumn.MESSAGE));
		assertEquals("sent WM_COPYDATA", text(3, MessageColumn.MESSAGE));
		assertEquals("posted WM_USER+0x1", text(4, MessageColumn.MESSAGE));
		assertEquals(CaptureJsonLines.hex(SENDER_PID) + " (4300)", text(0, MessageColumn.W_PARAM));
		assertEquals(CaptureJsonLines.hex(ADDRESS) + " (" + ADDRESS + ")", text(0, MessageColumn.L_PARAM));
		assertEquals("0x1f4 (500)", text(1, MessageColumn.L_PARAM));
		assertEquals(CaptureJsonLines.hex(0xffff_ffff_ffff_fffeL) + " (18446744073709551614)",
				text(2, MessageColumn.W_PARAM), "wParam is read unsigned");
		assertEquals("", text(1, MessageColumn.RESULT), "a posted message has no result");
		assertEquals("", text(0, MessageColumn.DW_DATA), "a registered message has no COPYDATASTRUCT");
		assertEquals("", text(0, MessageColumn.CB_DATA));
		assertEquals("", text(4, MessageColumn.CB_DATA), "nor has WM_USER+1");
		assertEquals("5", text(3, MessageColumn.CB_DATA), "WM_COPYDATA's cbData is shown");
		assertEquals("pid 4300", text(0, MessageColumn.SENDER), "wParam is no sender HWND but for WM_COPYDATA");
		assertEquals("", text(1, MessageColumn.SENDER));
		assertEquals("0x3c4d (pid 4300)", text(3, MessageColumn.SENDER));
		assertEquals(MessageColumn.MESSAGE.ordinal(), table().getColumnOrder()[2], "the message comes third");

		select(0);
		MessageDetailPane pane = view.detail();
		assertTrue(pane.fields().isVisible());
		assertEquals("sent Mapped (0xc1a0)  |  wParam " + CaptureJsonLines.hex(SENDER_PID) + " (4300)  |  lParam "
				+ CaptureJsonLines.hex(ADDRESS) + " (" + ADDRESS + ")  |  sender thread 4311, pid 4300  |  result 1",
				pane.fields().getText());
		assertEquals(Messages.Detail_NoPayload, pane.summary().getText());
		screenshot("mapped");

		select(1);
		assertEquals("posted Handle (0xc1a1)  |  wParam " + CaptureJsonLines.hex(SENDER_PID)
				+ " (4300)  |  lParam 0x1f4 (500)  |  sender not told  |  result not seen", pane.fields().getText());

		select(2);
		assertTrue(pane.fields().getText().startsWith("sent Shared (0xc1a2)"), pane.fields().getText());
		assertTrue(pane.fields().getText().contains("sender thread 4311  |"), pane.fields().getText());

		select(3);
		assertTrue(pane.fields().getText().startsWith("sent WM_COPYDATA (0x004a)"), pane.fields().getText());
		assertEquals("5 bytes", pane.summary().getText().split("  \\|  ")[0], "WM_COPYDATA keeps its payload");
		assertEquals("hello", pane.decodedText().getText());
		screenshot("copydata");

		select(4);
		assertTrue(pane.fields().getText().startsWith("posted WM_USER+0x1 (0x0401)  |  wParam 0x7 (7)  |  lParam 0x8 (8)"),
				pane.fields().getText());
	}

	@Test
	void openInHexEditorFollowsAPidAndAnAddressIntoThatProcess() throws Exception {
		long pid = ProcessHandle.current().pid();
		// the first readable mapping of this test's own process: a live pid and an address that is there
		String first = Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.split(" ")[1].startsWith("r"))
				.findFirst().orElseThrow();
		long start = Long.parseUnsignedLong(first.substring(0, first.indexOf('-')), 16);
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		long t = 1_763_820_000_600_000L;
		load(write("memory.jsonl", List.of(
				new CapturedMessage(1, t, Kind.SENT, 0xc1a0, "Mapped", pid, start + 0x10, pid, 4311, RECEIVER.hwnd(), 0,
						0, new byte[0], 1),
				new CapturedMessage(2, t + 1, Kind.SENT, 0xc1a1, "Handle", gone.pid(), start + 0x10, -1, -1,
						RECEIVER.hwnd(), 0, 0, new byte[0], 1),
				new CapturedMessage(3, t + 2, SENDER, SENDER_PID, RECEIVER.hwnd(), 0x10, 1, new byte[] { 1 }, 1))), 3);
		MessageDetailPane pane = view.detail();

		select(2);
		assertFalse(pane.openMemoryButton().isVisible(), "WM_COPYDATA's wParam is an HWND, not a pid");

		select(1);
		assertTrue(pane.openMemoryButton().isVisible());
		pane.openMemoryButton().notifyListeners(SWT.Selection, new Event());
		waitUntil(() -> view.status().getText().contains("process " + gone.pid()), "the view saying the process is gone");

		select(0);
		assertTrue(pane.openMemoryButton().isVisible());
		screenshot("open-memory-offered");
		pane.openMemoryButton().notifyListeners(SWT.Selection, new Event());
		waitUntil(() -> page.getActiveEditor() instanceof HexEditor editor && editor.shownBytes() != null,
				"a hex editor's first read");
		HexEditor editor = (HexEditor) page.getActiveEditor();
		MemoryEditorInput input = editor.memoryInput();
		assertEquals(start, input.baseAddress().orElse(-1), "the region holding lParam");
		assertTrue(input.getName().contains("(" + pid + ")"), input.getName());
		assertEquals(0x10, editor.selectionStart(), "lParam selected");
		screenshot("open-memory-editor");
		page.closeAllEditors(false);
	}

	/**
	 * The sender's descriptor in lParam: this test process holds a POSIX shared memory object (a
	 * file in /dev/shm) open, and Open in Hex Editor finds it among the inventory's owners and opens
	 * that object, not the pid and address.
	 */
	@Test
	void openInHexEditorFollowsTheSendersHandleToItsSharedMemory() throws Exception {
		long pid = ProcessHandle.current().pid();
		String name = "ipcscope-sniffhandle-" + pid;
		Path shm = Path.of("/dev/shm", name);
		try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(shm,
				java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.READ,
				java.nio.file.StandardOpenOption.WRITE)) {
			channel.write(java.nio.ByteBuffer.wrap("handle's object".getBytes(StandardCharsets.US_ASCII)));
			long fd = -1;
			try (var links = Files.list(Path.of("/proc/self/fd"))) {
				for (Path link : links.toList()) {
					try {
						if (Files.readSymbolicLink(link).equals(shm)) {
							fd = Long.parseLong(link.getFileName().toString());
						}
					} catch (java.io.IOException e) {
						// the listing's own descriptor, closed by now
					}
				}
			}
			assertTrue(fd > 0, "this process holds " + shm);
			load(write("handle.jsonl", List.of(new CapturedMessage(1, 1_763_820_000_700_000L, Kind.SENT, 0xc1a1,
					"Handle", 7, fd, pid, 4311, RECEIVER.hwnd(), 0, 0, new byte[0], 1))), 1);
			select(0);
			MessageDetailPane pane = view.detail();
			assertTrue(pane.openMemoryButton().isVisible());
			pane.openMemoryButton().notifyListeners(SWT.Selection, new Event());
			waitUntil(() -> page.getActiveEditor() instanceof HexEditor editor && editor.shownBytes() != null,
					"a hex editor's first read");
			HexEditor editor = (HexEditor) page.getActiveEditor();
			assertTrue(editor.getEditorInput().getName().contains(name), editor.getEditorInput().getName());
			waitUntil(() -> view.status().getText().contains("POSIX shm /" + name), "the view saying what it opened: "
					+ view.status().getText());
			screenshot("open-handle-object");
			page.closeAllEditors(false);
		} finally {
			Files.deleteIfExists(shm);
		}
	}

	@Test
	void theTableFiltersByMessageNameAndByWParamOrLParamText() throws Exception {
		load(write("seed002-filter.jsonl", seedProtocol()), 5);
		assertEquals(List.of(1L, 2L, 3L, 4L, 5L), shown(MessageFilterFields.none()));

		assertEquals(List.of(2L), shown(new MessageFilterFields("handle", "")), "a name, any case");
		assertEquals(List.of(2L, 5L), shown(new MessageFilterFields("posted", "")), "the kind is in the column's text");
		assertEquals(List.of(1L, 3L), shown(new MessageFilterFields("Mapped, Shared", "")), "alternatives");
		assertEquals(List.of(5L), shown(new MessageFilterFields("0x401", "")), "a number finds an unnamed message");
		assertEquals(List.of(4L, 5L), shown(new MessageFilterFields("1025,WM_COPY", "")), "decimal, and a part of a name");
		assertEquals(List.of(2L), shown(new MessageFilterFields("", "0x1f4")), "lParam in hex");
		assertEquals(List.of(2L), shown(new MessageFilterFields("", "(500)")), "lParam in decimal");
		assertEquals(List.of(5L), shown(new MessageFilterFields("", "w:0x7")), "w: looks at wParam only");
		assertEquals(List.of(1L, 3L), shown(new MessageFilterFields("", "l:0x7")), "l: looks at lParam only");
		assertEquals(List.of(1L, 2L), shown(new MessageFilterFields("", "(4300)")),
				"the sender pid in wParam; not WM_COPYDATA's, whose wParam is the sender's HWND");
		assertEquals(List.of(3L), shown(new MessageFilterFields("sent", "18446744073709551614")), "unsigned");
		assertEquals(List.of(1L, 3L), shown(new MessageFilterFields("sent", "l:7ff6")), "both fields must match");
		assertTrue(view.status().getText().startsWith("5 captured, 0 dropped, 2 shown"), view.status().getText());
		screenshot("filter-message-params");
		assertEquals(List.of(), shown(new MessageFilterFields("posted", "l:7ff6")), "nothing matches both");
		view.filters().field(CopyDataView.DW_DATA).setText("0x10");
		assertEquals(List.of(4L), shown(MessageFilterFields.none()), "dwData finds WM_COPYDATA");
		view.filters().field(CopyDataView.DW_DATA).setText("0");
		assertEquals(List.of(), shown(MessageFilterFields.none()), "a message without COPYDATASTRUCT has no dwData 0");
		view.filters().field(CopyDataView.DW_DATA).setText("");
		assertEquals(List.of(1L, 2L, 3L, 4L, 5L), shown(MessageFilterFields.none()), "cleared, every row is back");
	}

	/** What the user types in the Message and wParam/lParam fields. */
	private record MessageFilterFields(String message, String params) {
		static MessageFilterFields none() {
			return new MessageFilterFields("", "");
		}
	}

	/** Types both fields and @return the sequence numbers of the rows the table then shows, in order */
	private List<Long> shown(MessageFilterFields typed) throws InterruptedException {
		view.filters().field(CopyDataView.MESSAGE).setText(typed.message());
		view.filters().field(CopyDataView.PARAMS).setText(typed.params());
		spin(30);
		List<Long> rows = new java.util.ArrayList<>();
		for (int row = 0; row < table().getItemCount(); row++) {
			rows.add(Long.parseLong(text(row, MessageColumn.SEQUENCE)));
		}
		return rows;
	}

	private String text(int row, MessageColumn column) {
		return item(row).getText(column.ordinal());
	}
}
