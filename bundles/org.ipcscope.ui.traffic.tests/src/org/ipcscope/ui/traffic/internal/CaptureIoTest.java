package org.ipcscope.ui.traffic.internal;

import static org.ipcscope.tests.support.DisplayWaits.spin;
import static org.ipcscope.tests.support.DisplayWaits.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.traffic.TrafficViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capture I/O... end to end, as a user works it: a real traffic_helper writer (a Unix stream
 * socket to its reader child, its stdout a pipe to this JVM) is selected in the Processes view,
 * Capture I/O... is chosen on its row's context menu, the dialog is answered, and the Traffic view shows
 * the writer's real traffic: without a filter every channel (its socket and its stdout pipe),
 * with one only the object named. The reader child is not captured. Needs the Linux capturer.
 * Screenshots: target/screenshots/CaptureIoTest-*.png
 */
class CaptureIoTest {

	private static final String PROCESSES_VIEW = "org.ipcscope.ui.process.processes";
	/** plugin.properties command.captureIo */
	private static final String CAPTURE_IO_LABEL = "Capture I/O...";

	private IWorkbenchPage page;

	@BeforeEach
	void setUp() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page = window.getActivePage();
		window.getShell().setSize(1280, 900);
	}

	@AfterEach
	void tearDown() {
		if (page.findView(TrafficViews.TRAFFIC) instanceof TrafficView view) {
			page.hideView(view);
		}
		IViewPart processes = page.findView(PROCESSES_VIEW);
		if (processes != null) {
			page.hideView(processes);
		}
		LiveCaptureTest.rethrowAnswerFailure();
	}

	@Test
	void captureIoOnAProcessesRowShowsEveryChannelOfTheProcessOrTheOneNamed() throws Exception {
		try (HelperProcess helper = HelperProcess.start(4, HelperProcess.helper("traffic_helper").toString(),
				"unix-stream")) {
			Map<String, String> ready = new HashMap<>();
			for (String line : helper.readyLines()) {
				String[] parts = line.split(" ", 2);
				ready.put(parts[0], parts[1]);
			}
			long writer = Long.parseLong(ready.get("writer"));
			long reader = Long.parseLong(ready.get("reader"));
			String socket = ready.get("wname");
			String stdout = Files.readSymbolicLink(Path.of("/proc", Long.toString(writer), "fd", "1")).toString();
			assertTrue(stdout.startsWith("pipe:["), "the helper's stdout is a pipe: " + stdout);

			// 1. no filter: every channel of the process
			List<String> shown = runCaptureIo(writer, null, "all");
			assertEquals(List.of(writer + " " + Messages.Dialog_AllChannels + " true"), shown);
			TrafficView view = attachedView(writer);
			byte[] first = sendAndAwait(helper, view, writer, socket, 1, 300);
			byte[] second = sendAndAwait(helper, view, writer, socket, 2, 4096);
			String sent1 = "SENT 1\n";
			until(() -> new String(joined(view, writer, TrafficOp.WRITE, stdout), StandardCharsets.US_ASCII)
					.contains(sent1), "the writer's stdout line in the view: " + view.status().getText());
			assertArrayEquals(concat(first, second), joined(view, writer, TrafficOp.WRITE, socket));
			// the reader's part came after the writer's rows: the view has rows of the writer only
			assertEquals(Set.of(writer), pids(view));
			Screenshots.save(page.getWorkbenchWindow().getShell(), "CaptureIoTest-all-channels");
			page.hideView(view);
			until(() -> LiveCaptureTest.tracerPid(writer) == 0, "the writer let go");
			assertEquals(0, LiveCaptureTest.tracerPid(reader), "the reader was never captured");

			// 2. the socket only: the stdout pipe's writes stay out
			runCaptureIo(writer, socket, "filtered");
			TrafficView filtered = attachedView(writer);
			byte[] third = sendAndAwait(helper, filtered, writer, socket, 3, 5);
			// SENT 3 went to stdout before message 4 was sent: had it been captured, it would be in by now
			byte[] fourth = sendAndAwait(helper, filtered, writer, socket, 4, 64);
			assertArrayEquals(concat(third, fourth), joined(filtered, writer, TrafficOp.WRITE, socket));
			Set<String> objects = new TreeSet<>();
			filtered.log().all().forEach(r -> objects.add(r.object()));
			assertEquals(Set.of(socket), objects, "only the named object is captured");
			Screenshots.save(page.getWorkbenchWindow().getShell(), "CaptureIoTest-one-object");
			page.hideView(filtered);
			until(() -> LiveCaptureTest.tracerPid(writer) == 0, "the writer let go");
			// and it runs on
			helper.send("send 9");
			helper.awaitLine(l -> l.equals("SENT 5"), Duration.ofSeconds(30));
		}
	}

	/**
	 * Selects the process in the Processes view, checks its context menu offers Capture I/O...,
	 * runs the command and answers the dialog (the object filter typed in when not null).
	 *
	 * @return the dialog's rows as "pid handle ticked"
	 */
	private List<String> runCaptureIo(long pid, String object, String shot) throws Exception {
		IViewPart processes = page.showView(PROCESSES_VIEW);
		StructuredViewer viewer = (StructuredViewer) processes.getSite().getSelectionProvider();
		AtomicReference<Object> row = new AtomicReference<>();
		until(() -> {
			for (TableItem item : ((org.eclipse.swt.widgets.Table) viewer.getControl()).getItems()) {
				ProcessInfo info = Adapters.adapt(item.getData(), ProcessInfo.class);
				if (info != null && info.pid() == pid) {
					row.set(item.getData());
					return true;
				}
			}
			return false;
		}, "pid " + pid + " in the Processes view");
		List<String> shown = new ArrayList<>();
		LiveCaptureTest.answer(dialog -> {
			assertEquals(Messages.Dialog_IoTitle, dialog.getShell().getText());
			for (TableItem item : dialog.holdersTable().getTable().getItems()) {
				shown.add(item.getText(0) + " " + item.getText(2) + " " + item.getChecked());
			}
			assertNotNull(dialog.objectField(), "Capture I/O offers an object filter");
			if (object != null) {
				dialog.objectField().setText(object);
			}
			assertEquals(0, LiveCaptureTest.tracerPid(pid), "nothing is attached before Start Capture");
			spin(300);
			Screenshots.save(dialog.getShell(), "CaptureIoTest-dialog-" + shot);
			dialog.pressStart();
		});
		page.activate(processes);
		viewer.setSelection(new StructuredSelection(row.get()), true);
		// the row's context menu, as a right-click shows it; its item runs the command
		Menu menu = viewer.getControl().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<String> offered = new ArrayList<>();
		MenuItem captureIo = null;
		for (MenuItem item : menu.getItems()) {
			offered.add(item.getText());
			if (item.getText().startsWith(CAPTURE_IO_LABEL) && item.isEnabled()) {
				captureIo = item;
			}
		}
		assertNotNull(captureIo, "the Processes view's context menu offers Capture I/O...: " + offered);
		captureIo.notifyListeners(SWT.Selection, new Event());
		menu.notifyListeners(SWT.Hide, new Event());
		LiveCaptureTest.rethrowAnswerFailure();
		return shown;
	}

	private TrafficView attachedView(long pid) throws InterruptedException {
		TrafficView view = (TrafficView) page.findView(TrafficViews.TRAFFIC);
		assertNotNull(view, "Capture I/O opened the Traffic view");
		until(() -> view.controller().isCapturing() && view.status().getText().contains("pid " + pid + " attached"),
				"pid " + pid + " attached: " + view.status().getText());
		return view;
	}

	/** Has the helper send message {@code k} and waits for its bytes in the view. @return them */
	private static byte[] sendAndAwait(HelperProcess helper, TrafficView view, long writer, String object, int k,
			int size) throws IOException, InterruptedException {
		int before = joined(view, writer, TrafficOp.WRITE, object).length;
		helper.send("send " + size);
		helper.awaitLine(l -> l.equals("SENT " + k), Duration.ofSeconds(30));
		until(() -> joined(view, writer, TrafficOp.WRITE, object).length >= before + size,
				"message " + k + " (" + size + " B) in the view: " + view.status().getText());
		return message(k, size);
	}

	private static Set<Long> pids(TrafficView view) {
		Set<Long> pids = new TreeSet<>();
		view.log().all().forEach(r -> pids.add(r.pid()));
		return pids;
	}

	/** @return the payloads of one process's records of one op on one object, joined in order */
	private static byte[] joined(TrafficView view, long pid, TrafficOp op, String object) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (TrafficRecord r : view.log().all()) {
			if (r.pid() == pid && r.op() == op && !r.failed() && object.equals(r.object())) {
				out.writeBytes(r.payload());
			}
		}
		return out.toByteArray();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** The bytes of message {@code k} of traffic_helper. */
	private static byte[] message(long k, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) ((k + 7L * i + i / 251) & 255);
		}
		return bytes;
	}
}
