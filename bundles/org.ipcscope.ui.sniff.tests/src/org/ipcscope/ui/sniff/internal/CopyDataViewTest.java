package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.sniff.SniffViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WM_COPYDATA Sniffer view in a real workbench on Linux, where no sniffer exists: it must
 * say so, and open capture files written here with the capture format (the same files a Windows
 * capture saves) so that they can be inspected, filtered and exported.
 * Screenshots: target/screenshots/CopyDataViewTest-*.png
 */
class CopyDataViewTest {

	private static final WindowInfo RECEIVER = new WindowInfo(0x1a2b, "IpcScopeReceiver", "Receiver window", 4242,
			4243, "receiver.exe", false);
	private static final long SENDER = 0x3c4d;
	private static final long SENDER_PID = 4300;

	@TempDir
	Path dir;

	private IWorkbenchPage page;
	private CopyDataView view;

	@BeforeEach
	void openView() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		view = (CopyDataView) page.showView(SniffViews.COPY_DATA);
		page.getWorkbenchWindow().getShell().setSize(1200, 900);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		spin(100);
	}

	@AfterEach
	void closeView() {
		page.hideView(view);
	}

	/** The messages of a capture: 0 B, 1 B, 64 KiB, 1 MiB, every byte value, text in three encodings, a cut one. */
	private static List<CapturedMessage> knownMessages() {
		List<CapturedMessage> messages = new ArrayList<>();
		long t = 1_763_820_000_123_456L;
		byte[] binary64k = new byte[64 * 1024];
		new Random(6).nextBytes(binary64k);
		byte[] binary1m = new byte[1024 * 1024];
		new Random(7).nextBytes(binary1m);
		byte[] everyByte = new byte[256];
		for (int i = 0; i < everyByte.length; i++) {
			everyByte[i] = (byte) i;
		}
		byte[] cut = "truncated by the cap".getBytes(StandardCharsets.US_ASCII);
		add(messages, t, 0x10, SENDER_PID, new byte[0], 0, 1);
		add(messages, t + 1, 0x11, SENDER_PID, new byte[] { 0x42 }, 1, 1);
		add(messages, t + 2, 0x20, -1, binary64k, binary64k.length, CapturedMessage.UNKNOWN_RESULT);
		add(messages, t + 3, 0x21, SENDER_PID, binary1m, binary1m.length, 0);
		add(messages, t + 4, 0xffffffffffffffffL, SENDER_PID, everyByte, 256, 1);
		add(messages, t + 5, 0x30, 4301, "hello from UTF-16\0".getBytes(StandardCharsets.UTF_16LE), -1, 1);
		add(messages, t + 6, 0x31, 4301, "Größe: 12 €".getBytes(StandardCharsets.UTF_8), -1, 1);
		add(messages, t + 7, 0x32, SENDER_PID, "plain ascii\0".getBytes(StandardCharsets.US_ASCII), -1, 1);
		add(messages, t + 8, 0x33, SENDER_PID, cut, 5000, 1);
		return messages;
	}

	private static void add(List<CapturedMessage> messages, long time, long dwData, long pid, byte[] payload,
			long cbData, long result) {
		long sender = pid == 4301 ? 0x5e6f : SENDER;
		messages.add(new CapturedMessage(messages.size() + 1, time, sender, pid, RECEIVER.hwnd(), dwData,
				cbData < 0 ? payload.length : cbData, payload, result));
	}

	private Path write(String name, List<CapturedMessage> messages) throws Exception {
		Path file = dir.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			CaptureJsonLines.write(out, RECEIVER, CaptureStrategy.PROXY, messages);
		}
		return file;
	}

	private static CaptureJsonLines.Capture read(Path file) throws Exception {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CaptureJsonLines.read(in);
		}
	}

	private void load(Path file, int rows) throws Exception {
		Job job = view.load(file);
		assertNotNull(job, "the load was refused: " + view.status().getText());
		waitUntil(() -> view.lastLoad() != null, "the end of the load");
		assertEquals(null, view.lastLoad().failure());
		waitUntil(() -> view.table().getItemCount() == rows && view.keptCount() == rows, rows + " rows");
	}

	@Test
	void onLinuxSaysTheMechanismIsWindowsOnlyAndStillOffersCaptureFiles() throws Exception {
		assertTrue(view.banner().isVisible());
		assertTrue(view.banner().getText().startsWith("Capturing WM_COPYDATA is Windows-only"), view.banner().getText());
		assertTrue(view.banner().getText().contains("Open Capture"), view.banner().getText());
		for (CaptureStrategy strategy : CaptureStrategy.values()) {
			assertEquals(CaptureSettingsPane.strategyLimits(strategy), view.settings().limitsShown(strategy));
		}
		assertTrue(view.settings().limitsShown(CaptureStrategy.PROXY).contains("HWND before the start"));
		assertTrue(view.settings().limitsShown(CaptureStrategy.IN_PROCESS).contains("bitness"));
		// Start without a sniffer: says why, asks nothing of the OS
		view.start();
		assertFalse(view.isCapturing());
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
			waitUntil(() -> dialog.status().getText().startsWith("Could not list the windows: Capturing WM_COPYDATA is Windows-only"),
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
		for (TableColumn column : view.table().getColumns()) {
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
		assertEquals("00000000  68 00 65 00 6c 00 6c 00  6f 00 20 00 66 00 72 00  |h.e.l.l.o. .f.r.|",
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
		assertEquals("000000f0  f0 f1 f2 f3 f4 f5 f6 f7  f8 f9 fa fb fc fd fe ff  |................|",
				detail.hexView().rowText(15));
		assertTrue(detail.summary().getText().contains("detected: not text, shown as ASCII"), detail.summary().getText());

		select(3);
		byte[] big = messages.get(3).payload();
		assertEquals(65536, detail.hexView().rowCount(), "1 MiB in rows of 16");
		detail.hexView().setTopRow(Integer.MAX_VALUE);
		spin(100);
		List<String> visible = detail.hexView().visibleRows();
		String last = visible.get(visible.size() - 1);
		assertTrue(last.startsWith("000ffff0  " + String.format("%02x", big[big.length - 16] & 0xFF)), last);
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
		view.dwDataFilter().setText("0x3z");
		spin(50);
		assertEquals(1, view.shownCount());
		assertTrue(view.status().getText().contains("filter: dwData: '0x3z' is not a number"), view.status().getText());
		assertTrue(view.dwDataFilter().getToolTipText().startsWith("dwData: '0x3z' is not a number"),
				"the wrong field says why: " + view.dwDataFilter().getToolTipText());
		assertEquals(view.senderFilter().getMessage(), view.senderFilter().getToolTipText(), "the right ones do not");
		screenshot("filter-error");
		setFilters("", "", "");
		assertEquals(messages.size(), view.table().getItemCount());
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
		waitUntil(() -> view.lastLoad() != null, "the end of the load");
		waitUntil(() -> view.keptCount() == messages.size(), "every message kept while paused");
		// the view's tick that counted them all is the one that would have shown them
		waitUntil(() -> view.status().getText().contains("paused, 9 new kept for Resume"), "the paused status");
		assertEquals(0, view.table().getItemCount(), "the table stays still while paused");
		screenshot("paused");
		handlers.executeCommand(CopyDataView.PAUSE_COMMAND, null);
		assertFalse(view.isPaused());
		assertEquals(messages.size(), view.table().getItemCount());
		select(2);
		handlers.executeCommand("org.ipcscope.ui.sniff.commands.clear", null);
		assertEquals(0, view.table().getItemCount());
		assertEquals(0, view.keptCount());
		assertNullDetail();
		assertTrue(view.status().getText().contains("0 captured, 0 dropped, 0 shown"), view.status().getText());
	}

	@Test
	void exportedSelectionAndSavedCaptureReadBackByteExact() throws Exception {
		List<CapturedMessage> messages = knownMessages();
		load(write("export.jsonl", messages), messages.size());
		view.table().setSelection(new int[] { 0, 3, 4, 8 });
		view.table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		Path exported = dir.resolve("selection.jsonl");
		waitForJob(view.exportSelection(exported));
		CaptureJsonLines.Capture back = read(exported);
		assertEquals(RECEIVER, back.target());
		assertEquals(CaptureStrategy.PROXY, back.strategy());
		assertEquals(4, back.messages().size());
		int[] picked = { 0, 3, 4, 8 };
		for (int i = 0; i < picked.length; i++) {
			assertSameMessage(messages.get(picked[i]), back.messages().get(i));
		}

		Path saved = dir.resolve("saved.jsonl");
		waitForJob(view.save(saved));
		CaptureJsonLines.Capture all = read(saved);
		assertEquals(messages.size(), all.messages().size());
		for (int i = 0; i < messages.size(); i++) {
			assertSameMessage(messages.get(i), all.messages().get(i));
		}

		view.table().setSelection(new int[] { 1, 4 });
		view.table().setFocus();
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

	@Test
	void aBrokenCaptureFileSaysWhereAndKeepsWhatCameBefore() throws Exception {
		List<CapturedMessage> messages = knownMessages().subList(0, 3);
		Path file = write("broken.jsonl", messages);
		Files.writeString(file, "{\"seq\":4,\"timeUs\":1,\"sender\":\"12\",\"target\":\"0x1\",\"dwData\":\"0x1\",\"payload\":\"\"}\n"
				+ "{\"seq\":5}\n", java.nio.file.StandardOpenOption.APPEND);
		assertNotNull(view.load(file));
		waitUntil(() -> view.lastLoad() != null, "the end of the load");
		assertEquals("line 5: sender must be a hex string like \"0x1f\": 12", view.lastLoad().failure());
		waitUntil(() -> view.table().getItemCount() == 3, "the 3 good messages");
		assertTrue(view.status().getText().contains("Could not load broken.jsonl: line 5: sender must be a hex string"),
				view.status().getText());
		screenshot("broken-file");

		Path notACapture = dir.resolve("inventory.json");
		Files.writeString(notACapture, "{\"format\":1,\"taken\":\"2026-11-22T11:31:42Z\",\"objects\":[]}\n");
		assertNotNull(view.load(notACapture));
		waitUntil(() -> view.lastLoad() != null, "the end of the load");
		assertTrue(view.lastLoad().failure().startsWith("line 1: "), view.lastLoad().failure());
		assertEquals(0, view.table().getItemCount());

		Path binary = dir.resolve("random.bin");
		byte[] noise = new byte[4096];
		new Random(1).nextBytes(noise);
		Files.write(binary, noise);
		assertNotNull(view.load(binary));
		waitUntil(() -> view.lastLoad() != null, "the end of the load");
		assertEquals("not UTF-8 text: a capture file is JSON Lines (0 messages read before)", view.lastLoad().failure());
		assertEquals(0, view.table().getItemCount());
	}

	@Test
	void clearDuringALoadStopsItAndNothingArrivesAfter() throws Exception {
		int count = 10_000;
		List<CapturedMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(new CapturedMessage(i + 1, i, SENDER, SENDER_PID, RECEIVER.hwnd(), i, 512, new byte[512], 1));
		}
		Path file = write("cleared.jsonl", messages);
		assertNotNull(view.load(file));
		waitUntil(() -> view.keptCount() > 0, "the first rows");
		view.clear();
		spin(10 * CopyDataView.DRAIN_MILLIS);
		assertEquals(0, view.table().getItemCount(), "no row of the cancelled load arrives after Clear");
		assertEquals(0, view.keptCount());
		assertTrue(view.status().getText().endsWith("| Load cancelled"), view.status().getText());
	}

	@Test
	void tenThousandMessagesLoadWhileTheUserInterfaceKeepsWorking() throws Exception {
		int count = 10_000;
		List<CapturedMessage> messages = new ArrayList<>(count);
		Random random = new Random(10);
		for (int i = 0; i < count; i++) {
			byte[] payload = new byte[1024];
			random.nextBytes(payload);
			messages.add(new CapturedMessage(i + 1, 1_763_820_000_000_000L + i * 37L, SENDER, SENDER_PID,
					RECEIVER.hwnd(), i % 64, payload.length, payload, 1));
		}
		Path file = write("ten-thousand.jsonl", messages);
		Display display = Display.getCurrent();
		long started = System.nanoTime();
		Job job = view.load(file);
		assertNotNull(job);
		// the load runs beside the UI thread: events posted meanwhile run while its job still runs
		int[] eventsDuringTheLoad = { 0 };
		List<Integer> rowsSeenWhileLoading = new ArrayList<>();
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
		while (view.lastLoad() == null) {
			assertTrue(System.nanoTime() < deadline, "the load did not end within 120 s");
			display.asyncExec(() -> {
				if (job.getState() == Job.RUNNING) {
					eventsDuringTheLoad[0]++;
				}
			});
			if (!display.readAndDispatch()) {
				Thread.sleep(5);
			}
			int rows = view.table().getItemCount();
			if (rowsSeenWhileLoading.isEmpty() || rowsSeenWhileLoading.get(rowsSeenWhileLoading.size() - 1) != rows) {
				rowsSeenWhileLoading.add(rows);
			}
		}
		System.out.println("CopyDataViewTest: " + eventsDuringTheLoad[0] + " UI events ran while the load job ran "
				+ count + " messages; table sizes seen meanwhile: " + rowsSeenWhileLoading);
		assertTrue(eventsDuringTheLoad[0] > 0, "the UI thread ran no event while the load job ran");
		waitUntil(() -> view.table().getItemCount() == count, count + " rows");
		System.out.printf("CopyDataViewTest: %d messages (%d MiB file) loaded and shown in %d ms%n", count,
				Files.size(file) >> 20, (System.nanoTime() - started) / 1_000_000);

		view.table().setSelection(count - 1);
		view.table().showSelection();
		view.table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		spin(100);
		assertEquals(Integer.toString(count), view.table().getItem(count - 1).getText(0));
		assertArrayEquals(messages.get(count - 1).payload(), view.detail().hexView().bytes());
		view.dwDataFilter().setText("63");
		spin(50);
		assertEquals(count / 64, view.table().getItemCount());
		assertEquals(-1, view.table().getSelectionIndex(), "the selected message (dwData 15) is filtered out");
		assertEquals(null, view.detail().message());
		view.table().setSelection(3);
		view.table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		CapturedMessage selected = view.detail().message();
		assertEquals(3 * 64 + 63 + 1, selected.sequence());
		view.dwDataFilter().setText("32-63");
		spin(50);
		// 156 full rounds of dwData 0..63 hold 32 each; the last 16 messages have dwData 0..15
		assertEquals(156 * 32, view.table().getItemCount());
		assertEquals(4 * 32 - 1, view.table().getSelectionIndex(), "the selected message stays selected through a filter change");
		assertEquals(selected, view.detail().message());
		screenshot("ten-thousand");
	}

	private void assertFilter(List<CapturedMessage> messages, String dwData, String sender, String content,
			int... sequences) throws InterruptedException {
		setFilters(dwData, sender, content);
		List<String> shown = new ArrayList<>();
		for (int row = 0; row < view.table().getItemCount(); row++) {
			shown.add(item(row).getText(0));
		}
		List<String> expected = new ArrayList<>();
		for (int sequence : sequences) {
			expected.add(Integer.toString(sequence));
		}
		assertEquals(expected, shown, "dwData '" + dwData + "', sender '" + sender + "', content '" + content + "': "
				+ view.status().getText());
	}

	private void setFilters(String dwData, String sender, String content) throws InterruptedException {
		view.dwDataFilter().setText(dwData);
		view.senderFilter().setText(sender);
		view.contentFilter().setText(content);
		spin(50);
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

	private TableItem item(int row) {
		TableItem item = view.table().getItem(row);
		// a virtual row gets its texts when first asked
		item.getText(0);
		return item;
	}

	private void select(int row) throws InterruptedException {
		view.table().setSelection(row);
		view.table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		spin(30);
	}

	private void screenshot(String name) throws Exception {
		spin(300);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "CopyDataViewTest-" + name);
	}

	private static void waitForJob(Job job) throws InterruptedException {
		// the result is set when the run ends (the state may still say NONE just after schedule)
		waitUntil(() -> job.getResult() != null, job.getName());
		assertTrue(job.getResult() == null || job.getResult().isOK(), String.valueOf(job.getResult()));
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.until(condition, what);
	}

	private static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}
}
