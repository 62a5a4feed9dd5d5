package org.ipcscope.ui.traffic.internal;

import static org.ipcscope.tests.support.DisplayWaits.drain;
import static org.ipcscope.tests.support.DisplayWaits.spin;
import static org.ipcscope.tests.support.DisplayWaits.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.core.traffic.FollowedStream;
import org.ipcscope.core.traffic.TrafficHeader;
import org.ipcscope.core.traffic.TrafficJsonLines;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRecord.HandleKind;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.sniff.SniffViews;
import org.ipcscope.ui.sniff.internal.CopyDataView;
import org.ipcscope.ui.traffic.TrafficViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Traffic view in a real workbench, driven with capture files as a Linux or a Windows
 * capture writes them: rows and colours, the detail pane, filters, Follow Stream and its export,
 * and File > Open Capture... choosing the view by the file's format.
 * Screenshots: target/screenshots/TrafficViewTest-*.png
 */
class TrafficViewTest {

	private static final long T0 = 1_763_820_000_123_456L;
	private static final long CLIENT = 4301;
	private static final long SERVER = 4302;

	@TempDir
	Path dir;

	private IWorkbenchPage page;
	private TrafficView view;

	@BeforeEach
	void openView() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		view = (TrafficView) page.showView(TrafficViews.TRAFFIC);
		page.getWorkbenchWindow().getShell().setSize(1280, 900);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		spin(100);
	}

	@AfterEach
	void closeView() {
		page.hideView(view);
		IWorkbenchPart sniffer = page.findView(SniffViews.COPY_DATA);
		if (sniffer != null) {
			page.hideView((CopyDataView) sniffer);
		}
	}

	/**
	 * A Windows pipe conversation: the client writes a request in two calls, the server reads it in
	 * one, answers with 64 KiB of binary, one failed read; the server's other handle has its own
	 * stream.
	 */
	static List<TrafficRecord> windowsPipe() {
		byte[] answer = new byte[64 * 1024];
		new Random(13).nextBytes(answer);
		List<TrafficRecord> records = new ArrayList<>();
		String pipe = "\\\\.\\pipe\\ipcscope-test";
		add(records, SERVER, 0x1a4, pipe, TrafficOp.CONNECT, "ConnectNamedPipe", new byte[0], 0, 0, null);
		add(records, CLIENT, 0x88, pipe, TrafficOp.WRITE, "WriteFile", ascii("GET /status "), 12, 0, null);
		add(records, CLIENT, 0x88, pipe, TrafficOp.WRITE, "WriteFile", ascii("HTTP/1.0\r\n"), 10, 0, null);
		add(records, SERVER, 0x1a4, pipe, TrafficOp.READ, "ReadFile", ascii("GET /status HTTP/1.0\r\n"), 22, 0, null);
		add(records, SERVER, 0x1a4, pipe, TrafficOp.WRITE, "WriteFile", answer, answer.length, 0, null);
		add(records, SERVER, 0x1b0, pipe, TrafficOp.WRITE, "WriteFile", ascii("other handle"), 12, 0, null);
		add(records, CLIENT, 0x88, pipe, TrafficOp.READ, "ReadFile", java.util.Arrays.copyOf(answer, 4096), answer.length,
				0, null);
		add(records, CLIENT, 0x88, pipe, TrafficOp.READ, "ReadFile", new byte[0], 0, 109, "ERROR_BROKEN_PIPE");
		add(records, SERVER, 0x1a4, pipe, TrafficOp.DISCONNECT, "DisconnectNamedPipe", new byte[0], 0, 0, null);
		return records;
	}

	private static void add(List<TrafficRecord> records, long pid, long handle, String object, TrafficOp op, String call,
			byte[] payload, long transferred, int status, String error) {
		long handleValue = handle;
		HandleKind kind = HandleKind.HANDLE;
		records.add(new TrafficRecord(records.size() + 1, T0 + records.size() * 17, pid, pid + 1000, handleValue, kind,
				object, op, call, payload.length, transferred, status, error, payload));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** A Linux FIFO: the writer's fd 3, the reader's fd 0, as ipcscope-trace reports them. */
	static List<TrafficRecord> linuxFifo() {
		List<TrafficRecord> records = new ArrayList<>();
		byte[] utf8 = "Größe: 12 €\n".getBytes(StandardCharsets.UTF_8);
		records.add(new TrafficRecord(1, T0, 700, 700, 3, HandleKind.FD, "/tmp/ipcscope-fifo", TrafficOp.WRITE, "write",
				utf8.length, utf8.length, 0, null, utf8));
		records.add(new TrafficRecord(2, T0 + 5, 701, 701, 0, HandleKind.FD, "/tmp/ipcscope-fifo", TrafficOp.READ, "read",
				65536, utf8.length, 0, null, utf8));
		records.add(new TrafficRecord(3, T0 + 9, 701, 701, 0, HandleKind.FD, "/tmp/ipcscope-fifo", TrafficOp.READ, "read",
				65536, 0, 11, "EAGAIN", new byte[0]));
		return records;
	}

	private Path write(String name, TrafficHeader header, List<TrafficRecord> records) throws Exception {
		Path file = dir.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			TrafficJsonLines.write(out, header, records);
		}
		return file;
	}

	private void load(Path file, int rows) throws Exception {
		Job job = view.load(file);
		assertNotNull(job, "the load was refused: " + view.status().getText());
		until(() -> view.files().lastLoad() != null, "the end of the load");
		assertNull(view.files().lastLoad().failure());
		until(() -> view.table().table().getItemCount() == rows && view.log().size() == rows, rows + " rows");
	}

	private void select(int row) throws Exception {
		Table table = view.table().table();
		table.setSelection(row);
		table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		drain();
	}

	private static String[] texts(TableItem item) {
		String[] texts = new String[TrafficColumn.values().length];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = item.getText(i);
		}
		return texts;
	}

	@Test
	void aWindowsCaptureOpensWithEveryColumnAndTheDetailPane() throws Exception {
		List<TrafficRecord> records = windowsPipe();
		Path file = write("windows.jsonl", new TrafficHeader("windows", "dll", "\\\\.\\pipe\\ipcscope-test", T0), records);
		load(file, records.size());
		Table table = view.table().table();
		String[] write = texts(table.getItem(1));
		assertEquals("2", write[TrafficColumn.SEQUENCE.ordinal()]);
		assertEquals(org.ipcscope.ui.sniff.internal.CaptureTime.of(T0 + 17), write[TrafficColumn.TIME.ordinal()]);
		assertEquals("4301", write[TrafficColumn.PROCESS.ordinal()]);
		assertEquals("write", write[TrafficColumn.OP.ordinal()]);
		assertEquals("WriteFile", write[TrafficColumn.CALL.ordinal()]);
		assertEquals("0x88", write[TrafficColumn.HANDLE.ordinal()]);
		assertEquals("\\\\.\\pipe\\ipcscope-test", write[TrafficColumn.OBJECT.ordinal()]);
		assertEquals("12", write[TrafficColumn.SIZE.ordinal()]);
		assertEquals("GET /status ", write[TrafficColumn.PREVIEW.ordinal()]);
		// a payload cut by the cap, a failed call, an event without bytes
		assertEquals("65536 (4096 kept)", table.getItem(6).getText(TrafficColumn.SIZE.ordinal()));
		assertEquals("read (ERROR_BROKEN_PIPE)", table.getItem(7).getText(TrafficColumn.OP.ordinal()));
		assertEquals("", table.getItem(0).getText(TrafficColumn.SIZE.ordinal()));
		// coloured by direction, with the theme's colours
		assertEquals(TrafficLabels.colors().get(TrafficLabels.COLOR_OUT), table.getItem(1).getForeground(0));
		assertEquals(TrafficLabels.colors().get(TrafficLabels.COLOR_IN), table.getItem(3).getForeground(0));
		assertEquals(TrafficLabels.colors().get(TrafficLabels.COLOR_FAILED), table.getItem(7).getForeground(0));
		assertTrue(!table.getItem(1).getForeground(0).equals(table.getItem(3).getForeground(0)));
		assertTrue(view.status().getText().contains("taken on windows by dll"), view.status().getText());

		select(4);
		assertArrayEquals(records.get(4).payload(), view.detail().hexView().bytes());
		assertTrue(view.detail().summary().getText().startsWith("65536 bytes"), view.detail().summary().getText());
		select(6);
		assertTrue(view.detail().summary().getText().contains("4096 of 65536"), view.detail().summary().getText());
		select(3);
		assertEquals("GET /status HTTP/1.0\r\n", view.detail().decodedText().getText());
		screenshot("windows-capture");
	}

	@Test
	void filtersNarrowByProcessOpObjectAndPayload() throws Exception {
		List<TrafficRecord> records = windowsPipe();
		load(write("filters.jsonl", null, records), records.size());
		view.filters().field(TrafficView.OP).setText("read");
		until(() -> view.log().shownCount() == 3, "the 3 reads");
		view.filters().field(TrafficView.PROCESS).setText(Long.toString(SERVER));
		until(() -> view.log().shownCount() == 1, "the server's one read");
		view.filters().field(TrafficView.OP).setText("");
		view.filters().field(TrafficView.PROCESS).setText("");
		view.filters().field(TrafficView.CONTENT).setText("HTTP/1.0");
		until(() -> view.log().shownCount() == 2, "the 2 records holding HTTP/1.0");
		view.filters().field(TrafficView.CONTENT).setText("");
		view.filters().field(TrafficView.OBJECT).setText("no-such-pipe");
		until(() -> view.log().shownCount() == 0, "no row");
		view.filters().field(TrafficView.OBJECT).setText("IPCSCOPE-TEST");
		until(() -> view.log().shownCount() == records.size(), "every row again");
		view.filters().field(TrafficView.OP).setText("sned");
		drain();
		assertTrue(view.status().getText().contains("Unknown op 'sned'"), view.status().getText());
		assertEquals(records.size(), view.log().shownCount(), "the last good filter stays");
	}

	@Test
	void followStreamJoinsOneEndpointsDirectionAndExportsItByteExact() throws Exception {
		List<TrafficRecord> records = windowsPipe();
		load(write("follow.jsonl", null, records), records.size());
		select(1); // the client's first write on handle 0x88
		FollowStreamDialog dialog = view.followSelected();
		assertNotNull(dialog);
		try {
			assertEquals(new FollowedStream.Key(CLIENT, 0x88, TrafficOp.Direction.OUT), view.followKey());
			assertArrayEquals(ascii("GET /status HTTP/1.0\r\n"), dialog.stream().bytes());
			assertEquals(2, dialog.stream().records());
			assertEquals("GET /status HTTP/1.0\r\n", dialog.pane().decodedText().getText());
			assertTrue(dialog.getShell().getText().contains("0x88"), dialog.getShell().getText());
			spin(300);
			Screenshots.save(dialog.getShell(), "TrafficViewTest-follow-stream");
			Path exported = dir.resolve("client-out.bin");
			Job job = dialog.export(exported);
			job.join();
			assertTrue(job.getResult().isOK(), job.getResult().toString());
			assertArrayEquals(ascii("GET /status HTTP/1.0\r\n"), Files.readAllBytes(exported));
		} finally {
			dialog.close();
		}

		// the server's writes on 0x1a4 hold the 64 KiB answer only, not the other handle's bytes
		select(4);
		FollowStreamDialog server = view.followSelected();
		try {
			assertArrayEquals(records.get(4).payload(), server.stream().bytes());
			Path exported = dir.resolve("server-out.bin");
			server.export(exported).join();
			assertArrayEquals(records.get(4).payload(), Files.readAllBytes(exported));
		} finally {
			server.close();
		}

		// a read cut by the cap: the gap is counted and said
		select(6);
		FollowStreamDialog cut = view.followSelected();
		try {
			assertEquals(65536 - 4096, cut.stream().missing());
			assertTrue(cut.summary().getText().contains("61440 bytes moved but not captured"), cut.summary().getText());
		} finally {
			cut.close();
		}

		// an event moves no bytes: nothing to follow
		select(0);
		assertNull(view.followSelected());
	}

	@Test
	void openCaptureOpensEachFormatInItsView() throws Exception {
		Path linux = write("linux.jsonl", new TrafficHeader("linux", "ptrace", null, T0), linuxFifo());
		page.hideView(view);
		Job job = OpenCaptureHandler.open(page.getWorkbenchWindow(), linux);
		job.join();
		until(() -> page.findView(TrafficViews.TRAFFIC) instanceof TrafficView opened && opened.files().lastLoad() != null,
				"the Traffic view to open the Linux file");
		view = (TrafficView) page.findView(TrafficViews.TRAFFIC);
		until(() -> view.log().size() == 3, "3 records");
		Table table = view.table().table();
		assertEquals("3", table.getItem(0).getText(TrafficColumn.HANDLE.ordinal()));
		assertEquals("/tmp/ipcscope-fifo", table.getItem(1).getText(TrafficColumn.OBJECT.ordinal()));
		select(0);
		assertEquals("Größe: 12 €\n", view.detail().decodedText().getText());

		// a WM_COPYDATA file goes to the Sniffer
		Path copyData = dir.resolve("copydata.jsonl");
		WindowInfo receiver = new WindowInfo(0x1a2b, "Receiver", "Receiver window", 4242, 4243, "receiver.exe", false);
		try (BufferedWriter out = Files.newBufferedWriter(copyData, StandardCharsets.UTF_8)) {
			CaptureJsonLines.write(out, receiver, CaptureStrategy.PROXY,
					List.of(new CapturedMessage(1, T0, 0x3c4d, 4300, 0x1a2b, 0x10, 5, ascii("hello"), 1)));
		}
		OpenCaptureHandler.open(page.getWorkbenchWindow(), copyData).join();
		until(() -> page.findView(SniffViews.COPY_DATA) != null, "the Sniffer to open");
		assertEquals(3, view.log().size(), "the traffic view kept its file");

		// neither format: said, nothing opened
		assertEquals(CaptureFileKinds.Kind.UNKNOWN, CaptureFileKinds.kindOf(Files.writeString(dir.resolve("x.jsonl"), "{\"a\":1}\n")));
		assertEquals(CaptureFileKinds.Kind.TRAFFIC, CaptureFileKinds.kindOf(write("bare.jsonl", null, linuxFifo())));
	}

	@Test
	void aBrokenFileSaysWhichLine() throws Exception {
		Path file = dir.resolve("broken.jsonl");
		StringBuilder text = new StringBuilder(TrafficJsonLines.header(new TrafficHeader("linux", "ptrace", null, T0)))
				.append('\n');
		for (TrafficRecord r : linuxFifo()) {
			text.append(TrafficJsonLines.line(r)).append('\n');
		}
		text.append("{\"seq\":4,\"timeUs\":1,\"pid\":1,\"tid\":1,\"fd\":3,\"object\":null,\"op\":\"sned\"}\n");
		Files.writeString(file, text);
		view.load(file);
		until(() -> view.files().lastLoad() != null, "the end of the load");
		assertTrue(view.files().lastLoad().failure().startsWith("line 5: "), view.files().lastLoad().failure());
		assertTrue(view.status().getText().contains("line 5"), view.status().getText());
		until(() -> view.log().size() == 3, "the 3 good records before it");
	}

	@Test
	void savedCaptureReadsBackEqual() throws Exception {
		List<TrafficRecord> records = windowsPipe();
		load(write("in.jsonl", new TrafficHeader("windows", "dll", null, T0), records), records.size());
		Path saved = dir.resolve("out.jsonl");
		Job job = view.save(saved);
		job.join();
		assertTrue(job.getResult().isOK(), job.getResult().toString());
		try (var in = Files.newBufferedReader(saved, StandardCharsets.UTF_8)) {
			TrafficJsonLines.Capture back = TrafficJsonLines.read(in);
			assertEquals("windows", back.header().os());
			assertEquals(records.size(), back.records().size());
			for (int i = 0; i < records.size(); i++) {
				assertEquals(TrafficJsonLines.line(records.get(i)), TrafficJsonLines.line(back.records().get(i)));
			}
		}
	}

	@Test
	void pauseHoldsRowsBackUntilResume() throws Exception {
		List<TrafficRecord> records = linuxFifo();
		view.setPaused(true);
		view.load(write("paused.jsonl", null, records));
		until(() -> view.files().lastLoad() != null, "the end of the load");
		until(() -> view.log().size() == 3, "3 kept records");
		// the view's tick that counted them all is the one that would have shown them
		until(() -> view.status().getText().contains("paused (3 held back)"), "the paused status");
		assertEquals(0, view.table().table().getItemCount(), "the table stays still while paused");
		view.setPaused(false);
		assertEquals(3, view.table().table().getItemCount());
	}

	private void screenshot(String name) throws Exception {
		spin(200);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "TrafficViewTest-" + name);
	}

	static byte[] join(List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		parts.forEach(out::writeBytes);
		return out.toByteArray();
	}
}
