package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.sniff.SniffViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Message Sniffer view opened in a real workbench on Linux, and capture files of known
 * messages to load into it. Screenshots: target/screenshots/&lt;test class&gt;-*.png
 */
abstract class CopyDataViewFixture {

	static final WindowInfo RECEIVER = new WindowInfo(0x1a2b, "IpcScopeReceiver", "Receiver window", 4242,
			4243, "receiver.exe", false);
	static final long SENDER = 0x3c4d;
	static final long SENDER_PID = 4300;

	@TempDir
	Path dir;

	IWorkbenchPage page;
	CopyDataView view;

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
	static List<CapturedMessage> knownMessages() {
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

	Path write(String name, List<CapturedMessage> messages) throws Exception {
		Path file = dir.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			CaptureJsonLines.write(out, RECEIVER, CaptureStrategy.PROXY, messages);
		}
		return file;
	}

	static CaptureJsonLines.Capture read(Path file) throws Exception {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CaptureJsonLines.read(in);
		}
	}

	void load(Path file, int rows) throws Exception {
		Job job = view.load(file);
		assertNotNull(job, "the load was refused: " + view.status().getText());
		waitUntil(() -> view.files().lastLoad() != null, "the end of the load");
		assertEquals(null, view.files().lastLoad().failure());
		waitUntil(() -> table().getItemCount() == rows && view.log().size() == rows, rows + " rows");
	}

	Table table() {
		return view.table().table();
	}

	TableItem item(int row) {
		TableItem item = table().getItem(row);
		// a virtual row gets its texts when first asked
		item.getText(0);
		return item;
	}

	void select(int row) throws InterruptedException {
		table().setSelection(row);
		table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		spin(30);
	}

	void screenshot(String name) throws Exception {
		spin(300);
		Screenshots.save(page.getWorkbenchWindow().getShell(), getClass().getSimpleName() + "-" + name);
	}

	static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.until(condition, what);
	}

	static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}
}
