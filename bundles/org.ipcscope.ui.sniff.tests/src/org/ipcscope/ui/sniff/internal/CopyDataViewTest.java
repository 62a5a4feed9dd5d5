package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.handlers.IHandlerService;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.tests.support.JobWaits;
import org.ipcscope.tests.support.Screenshots;
import org.junit.jupiter.api.Test;

/**
 * The Message Sniffer view in a real workbench on Linux, where no sniffer exists: it must
 * say so, and open capture files written here with the capture format (the same files a Windows
 * capture saves) so that they can be inspected, filtered and exported.
 * Screenshots: target/screenshots/CopyDataViewTest-*.png
 */
class CopyDataViewTest extends CopyDataViewFixture {

	@Test
	void onLinuxSaysTheMechanismIsWindowsOnlyAndStillOffersCaptureFiles() throws Exception {
		assertTrue(view.banner().isVisible());
		assertTrue(view.banner().getText().startsWith("Capturing window messages is Windows-only"), view.banner().getText());
		assertTrue(view.banner().getText().contains("Open Capture"), view.banner().getText());
		for (CaptureStrategy strategy : CaptureStrategy.values()) {
			assertEquals(CaptureSettingsPane.strategyLimits(strategy), view.settings().limitsShown(strategy));
		}
		assertTrue(view.settings().limitsShown(CaptureStrategy.PROXY).contains("HWND before the start"));
		assertTrue(view.settings().limitsShown(CaptureStrategy.IN_PROCESS).contains("bitness"));
		// Start without a sniffer: says why, asks nothing of the OS
		view.start();
		assertFalse(view.controller().isCapturing());
		assertTrue(view.status().getText().contains("Windows-only"), view.status().getText());
		screenshot("windows-only");
	}

	@Test
	void theWindowPickerSaysWhyItListsNothingHere() throws Exception {
		WindowPickerDialog dialog = new WindowPickerDialog(page.getWorkbenchWindow().getShell());
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			// the listing job asks for the sniffer service, finds none, and the dialog says so
			waitUntil(() -> dialog.status().getText().startsWith("Could not list the windows: Capturing window messages is Windows-only"),
					"the picker's message, not " + dialog.status().getText());
			assertEquals(7, dialog.getShell().isDisposed() ? -1
					: ((org.eclipse.swt.widgets.Table) findTable(dialog.getShell())).getColumnCount());
			dialog.underCursorButton().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			assertEquals("Point at the window: 3...", dialog.status().getText());
			assertFalse(dialog.underCursorButton().isEnabled(), "one countdown at a time");
			waitUntil(() -> dialog.status().getText().startsWith("Could not ask for the window under the cursor"),
					"the answer after the countdown, not " + dialog.status().getText());
			assertTrue(dialog.underCursorButton().isEnabled());
			spin(300);
			Screenshots.save(dialog.getShell(), "CopyDataViewTest-window-picker");
			assertEquals(null, dialog.picked());
		} finally {
			dialog.close();
		}
	}

	private static org.eclipse.swt.widgets.Control findTable(org.eclipse.swt.widgets.Composite parent) {
		for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
			if (child instanceof org.eclipse.swt.widgets.Table) {
				return child;
			}
			if (child instanceof org.eclipse.swt.widgets.Composite composite) {
				org.eclipse.swt.widgets.Control found = findTable(composite);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	@Test
	void aCaptureFileFillsTheTableWithEveryColumn() throws Exception {
		List<CapturedMessage> messages = knownMessages();
		load(write("capture.jsonl", messages), messages.size());
		List<String> titles = new ArrayList<>();
		for (TableColumn column : table().getColumns()) {
			titles.add(column.getText());
		}
		assertEquals(List.of("#", "Time", "Sender", "Target", "dwData", "cbData", "Result", "Preview", "Message", "wParam",
				"lParam"), titles);

		TableItem empty = item(0);
		assertEquals("1", empty.getText(0));
		assertEquals(MessageColumn.time(messages.get(0).timeMicros()), empty.getText(1));
		assertTrue(empty.getText(1).endsWith(".123456"), "microseconds shown: " + empty.getText(1));
		assertEquals("0x3c4d (pid 4300)", empty.getText(2));
		assertEquals("0x1a2b", empty.getText(3));
		assertEquals("0x10 (16)", empty.getText(4));
		assertEquals("0", empty.getText(5));
		assertEquals("1", empty.getText(6));
		assertEquals("", empty.getText(7));
		assertEquals("sent WM_COPYDATA", empty.getText(8));
		assertEquals("0x3c4d (15437)", empty.getText(9), "wParam: the sender's window");
		assertEquals("0x0 (0)", empty.getText(10));
		assertEquals("1", item(1).getText(5));
		assertEquals("B", item(1).getText(7));
		assertEquals("0x3c4d", item(2).getText(2), "an unresolved sender pid is not shown");
		assertEquals("65536", item(2).getText(5));
		assertEquals("", item(2).getText(6), "an unknown result is blank");
		assertEquals("1048576", item(3).getText(5));
		assertEquals("0xffffffffffffffff (18446744073709551615)", item(4).getText(4), "dwData is unsigned");
		assertEquals("0x5e6f (pid 4301)", item(5).getText(2));
		assertEquals("hello from UTF-16.", item(5).getText(7));
		assertEquals("Größe: 12 €", item(6).getText(7));
		assertEquals("5000 (kept 20)", item(8).getText(5), "a payload cut by the cap is marked");
		assertTrue(view.status().getText().contains("capture.jsonl"), view.status().getText());
		assertTrue(view.status().getText().contains("Receiver window"), "the file's target: " + view.status().getText());
		assertTrue(view.status().getText().contains("9 captured, 0 dropped, 9 shown"), view.status().getText());
		screenshot("capture-file");
	}

	@Test
	void selectingARowShowsItsBytesAndDecodedText() throws Exception {
		List<CapturedMessage> messages = knownMessages();
		load(write("detail.jsonl", messages), messages.size());
		select(5);
		MessageDetailPane detail = view.detail();
		assertEquals("00000000  68 00 65 00 6C 00 6C 00 6F 00 20 00 66 00 72 00  h.e.l.l.o. .f.r.",
				detail.hexView().rowText(0));
		assertEquals("hello from UTF-16.", detail.decodedText().getText());
		assertTrue(detail.summary().getText().contains("detected: UTF-16LE (NUL at every other byte)"),
				detail.summary().getText());
		screenshot("detail-utf16");
		detail.setDecoding(PayloadDecoding.ASCII);
		assertTrue(detail.decodedText().getText().startsWith("h.e.l.l.o"), detail.decodedText().getText());
		detail.setDecoding(PayloadDecoding.UTF_8);
		assertTrue(detail.decodedText().getText().startsWith("h.e.l.l.o"), detail.decodedText().getText());
		detail.setDecoding(PayloadDecoding.UTF_16LE);
		assertEquals("hello from UTF-16.", detail.decodedText().getText());
		detail.setDecoding(PayloadDecoding.AUTO);

		select(6);
		assertEquals("Größe: 12 €", detail.decodedText().getText());
		assertTrue(detail.summary().getText().contains("UTF-8 (valid UTF-8)"), detail.summary().getText());

		select(4);
		assertEquals("000000F0  F0 F1 F2 F3 F4 F5 F6 F7 F8 F9 FA FB FC FD FE FF  ................",
				detail.hexView().rowText(15));
		assertTrue(detail.summary().getText().contains("detected: not text, shown as ASCII"), detail.summary().getText());

		select(3);
		byte[] big = messages.get(3).payload();
		assertEquals(65536, detail.hexView().rowCount(), "1 MiB in rows of 16");
		detail.hexView().setTopRow(Integer.MAX_VALUE);
		waitUntil(() -> lastVisibleRow(detail).startsWith("000FFFF0  "), "the row at 0xffff0 shown last");
		String last = lastVisibleRow(detail);
		assertTrue(last.startsWith("000FFFF0  " + String.format("%02X", big[big.length - 16] & 0xFF)), last);
		assertTrue(detail.decodedText().getText().endsWith("(983040 more bytes, see the hex)"),
				"the text pane decodes the first 64 KiB only");
		screenshot("detail-1mib-end");

		select(8);
		assertTrue(detail.summary().getText().contains("20 of 5000 bytes kept"), detail.summary().getText());
		select(0);
		assertEquals(0, detail.hexView().rowCount());
		assertEquals("", detail.decodedText().getText());
	}

	@Test
	void filtersByDwDataSenderAndContent() throws Exception {
		List<CapturedMessage> messages = knownMessages();
		load(write("filters.jsonl", messages), messages.size());
		assertFilter(messages, "0x20", "", "", 3);
		assertFilter(messages, "0x10-0x21", "", "", 1, 2, 3, 4);
		assertFilter(messages, "48..50", "", "", 6, 7, 8);
		assertFilter(messages, "18446744073709551615", "", "", 5);
		assertFilter(messages, "", "pid:4301", "", 6, 7);
		assertFilter(messages, "", "0x3c4d", "", 1, 2, 3, 4, 5, 8, 9);
		assertFilter(messages, "", "4300", "", 1, 2, 4, 5, 8, 9);
		assertFilter(messages, "", "", "hello", 6);
		assertFilter(messages, "", "", "Größe", 7);
		assertFilter(messages, "", "", "hex:fc fd fe ff", 5);
		byte[] big = messages.get(3).payload();
		String inTheMiddle = String.format("hex:%02x %02x %02x %02x", big[700_000], big[700_001], big[700_002],
				big[700_003]);
		List<Integer> expected = new ArrayList<>();
		for (CapturedMessage m : messages) {
			if (MessageFilter.contains(m.payload(), org.ipcscope.core.search.PatternSyntax.parse(inTheMiddle))) {
				expected.add((int) m.sequence());
			}
		}
		assertTrue(expected.contains(4));
		assertFilter(messages, "", "", inTheMiddle, expected.stream().mapToInt(Integer::intValue).toArray());
		assertFilter(messages, "0x30-0x3f", "pid:4300", "ascii", 8);
		screenshot("filtered");

		// a mistake keeps the last good filter and says what is wrong
		view.filters().field(CopyDataView.DW_DATA).setText("0x3z");
		// the status saying what is wrong proves the filter ran over the new text
		waitUntil(() -> view.status().getText().contains("filter: dwData: '0x3z' is not a number"),
				"the filter's error in the status, not " + view.status().getText());
		assertEquals(1, view.log().shownCount());
		assertTrue(view.status().getText().contains("9 captured, 0 dropped, 1 shown"), view.status().getText());
		assertTrue(view.filters().field(CopyDataView.DW_DATA).getToolTipText().startsWith("dwData: '0x3z' is not a number"),
				"the wrong field says why: " + view.filters().field(CopyDataView.DW_DATA).getToolTipText());
		assertEquals(view.filters().field(CopyDataView.SENDER).getMessage(), view.filters().field(CopyDataView.SENDER).getToolTipText(), "the right ones do not");
		screenshot("filter-error");
		setFilters("", "", "");
		waitUntil(() -> table().getItemCount() == messages.size(), "every row without a filter");
	}

	@Test
	void pauseKeepsTheTableStillAndClearEmptiesIt() throws Exception {
		List<CapturedMessage> messages = knownMessages();
		Path file = write("pause.jsonl", messages);
		IHandlerService handlers = view.getSite().getService(IHandlerService.class);
		page.activate(view);
		handlers.executeCommand(CopyDataView.PAUSE_COMMAND, null);
		assertTrue(view.isPaused());
		assertNotNull(view.load(file));
		waitUntil(() -> view.files().lastLoad() != null, "the end of the load");
		waitUntil(() -> view.log().size() == messages.size(), "every message kept while paused");
		// the view's tick that counted them all is the one that would have shown them
		waitUntil(() -> view.status().getText().contains("paused, 9 new kept for Resume"), "the paused status");
		assertEquals(0, table().getItemCount(), "the table stays still while paused");
		screenshot("paused");
		handlers.executeCommand(CopyDataView.PAUSE_COMMAND, null);
		assertFalse(view.isPaused());
		assertEquals(messages.size(), table().getItemCount());
		select(2);
		handlers.executeCommand("org.ipcscope.ui.sniff.commands.clear", null);
		assertEquals(0, table().getItemCount());
		assertEquals(0, view.log().size());
		assertNullDetail();
		assertTrue(view.status().getText().contains("0 captured, 0 dropped, 0 shown"), view.status().getText());
	}

	@Test
	void exportedSelectionAndSavedCaptureReadBackByteExact() throws Exception {
		List<CapturedMessage> messages = knownMessages();
		load(write("export.jsonl", messages), messages.size());
		table().setSelection(new int[] { 0, 3, 4, 8 });
		table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		// what the view hands the workbench (context menu, other views): the messages, in table order
		List<Long> handedOn = new ArrayList<>();
		for (Object element : ((IStructuredSelection) view.getSite().getSelectionProvider().getSelection()).toList()) {
			handedOn.add(((CapturedMessage) element).sequence());
		}
		assertEquals(List.of(1L, 4L, 5L, 9L), handedOn);
		Path exported = dir.resolve("selection.jsonl");
		JobWaits.join(view.exportSelection(exported), Duration.ofSeconds(60));
		CaptureJsonLines.Capture back = read(exported);
		assertEquals(RECEIVER, back.target());
		assertEquals(CaptureStrategy.PROXY, back.strategy());
		assertEquals(4, back.messages().size());
		int[] picked = { 0, 3, 4, 8 };
		for (int i = 0; i < picked.length; i++) {
			assertSameMessage(messages.get(picked[i]), back.messages().get(i));
		}

		Path saved = dir.resolve("saved.jsonl");
		JobWaits.join(view.save(saved), Duration.ofSeconds(60));
		CaptureJsonLines.Capture all = read(saved);
		assertEquals(messages.size(), all.messages().size());
		for (int i = 0; i < messages.size(); i++) {
			assertSameMessage(messages.get(i), all.messages().get(i));
		}

		table().setSelection(new int[] { 1, 4 });
		table().setFocus();
		spin(50);
		IHandlerService handlers = view.getSite().getService(IHandlerService.class);
		handlers.executeCommand("org.eclipse.ui.edit.copy", null);
		org.eclipse.swt.dnd.Clipboard clipboard = new org.eclipse.swt.dnd.Clipboard(Display.getCurrent());
		try {
			assertEquals(CopyFormat.HEX.format(messages.get(1).payload()) + System.lineSeparator()
					+ System.lineSeparator() + CopyFormat.HEX.format(messages.get(4).payload()),
					clipboard.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance()),
					"Copy in the table copies the selected payloads as hex");
		} finally {
			clipboard.dispose();
		}
	}

	private void assertFilter(List<CapturedMessage> messages, String dwData, String sender, String content,
			int... sequences) throws InterruptedException {
		setFilters(dwData, sender, content);
		List<String> expected = new ArrayList<>();
		for (int sequence : sequences) {
			expected.add(Integer.toString(sequence));
		}
		// consecutive filters of this test show different rows: the old rows cannot pass for the new ones
		waitUntil(() -> expected.equals(shownSequences()), "dwData '" + dwData + "', sender '" + sender
				+ "', content '" + content + "' to show " + expected);
		assertTrue(view.status().getText().contains(", " + sequences.length + " shown"), view.status().getText());
	}

	private static String lastVisibleRow(MessageDetailPane detail) {
		List<String> visible = detail.hexView().visibleRows();
		return visible.isEmpty() ? "" : visible.get(visible.size() - 1);
	}

	private List<String> shownSequences() {
		List<String> shown = new ArrayList<>();
		for (int row = 0; row < table().getItemCount(); row++) {
			shown.add(item(row).getText(0));
		}
		return shown;
	}

	/** Sets the three fields; each change re-filters (a red field keeps the last good filter). */
	private void setFilters(String dwData, String sender, String content) {
		view.filters().field(CopyDataView.DW_DATA).setText(dwData);
		view.filters().field(CopyDataView.SENDER).setText(sender);
		view.filters().field(CopyDataView.CONTENT).setText(content);
	}

	private static void assertSameMessage(CapturedMessage expected, CapturedMessage actual) {
		assertEquals(expected.sequence(), actual.sequence());
		assertEquals(expected.timeMicros(), actual.timeMicros());
		assertEquals(expected.sender(), actual.sender());
		assertEquals(expected.senderPid(), actual.senderPid());
		assertEquals(expected.target(), actual.target());
		assertEquals(expected.dwData(), actual.dwData());
		assertEquals(expected.cbData(), actual.cbData());
		assertEquals(expected.result(), actual.result());
		assertArrayEquals(expected.payload(), actual.payload(), "payload of message " + expected.sequence());
	}

	private void assertNullDetail() {
		assertEquals(0, view.detail().hexView().rowCount());
		assertEquals("", view.detail().decodedText().getText());
	}
}
