package org.ipcscope.ui.traffic.internal;

import static org.ipcscope.tests.support.DisplayWaits.spin;
import static org.ipcscope.tests.support.DisplayWaits.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.InventoryService;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.change.Change;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.core.traffic.FollowedStream;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.tests.support.TrafficConversation;
import org.ipcscope.ui.traffic.TrafficViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Capture Traffic... on real processes under the workbench: the dialog lists the real holders
 * of a FIFO and of an anonymous pipe, nothing is attached before Start Capture, the rows of a
 * real FIFO writer and reader (traffic_helper) carry their bytes, and closing the view lets the
 * processes go (TracerPid 0) while they run on. Needs the Linux capturer (ptrace; root passes Yama).
 * Screenshots: target/screenshots/LiveCaptureTest-*.png
 */
class LiveCaptureTest {

	private IWorkbenchPage page;

	@BeforeEach
	void setUp() throws Exception {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page = window.getActivePage();
		window.getShell().setSize(1280, 900);
	}

	@AfterEach
	void tearDown() throws Exception {
		if (page.findView(TrafficViews.TRAFFIC) instanceof TrafficView view) {
			page.hideView(view);
		}
	}

	@Test
	void theDialogListsAPipesRealHoldersAndCancelAttachesNothing() throws Exception {
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "pipe")) {
			// "pipe INODE CHILDPID"
			String[] ready = helper.readyLines().get(0).split(" ");
			String name = "pipe:[" + ready[1] + "]";
			long child = Long.parseLong(ready[2]);
			IpcObject pipe = awaitObject(IpcKind.PIPE, name, Set.of(helper.pid(), child));
			assertTrue(new CapturableTester().test(new TrackedObject(pipe, Change.UNCHANGED, 0), "capturable", null, null),
					"Capture Traffic... is enabled on a pipe");

			List<String> shown = new ArrayList<>();
			answer(dialog -> {
				for (TableItem item : dialog.holdersTable().getTable().getItems()) {
					shown.add(item.getText(0) + " " + item.getText(2) + " " + item.getChecked());
				}
				assertTrue(dialog.startEnabled());
				screenshot(dialog.getShell(), "pipe-dialog");
				dialog.pressCancel();
			});
			CaptureStarts.captureTraffic(page.getWorkbenchWindow(), pipe);
			rethrow();
			List<String> expected = new ArrayList<>();
			for (Owner owner : pipe.owners()) {
				expected.add(owner.pid() + " " + owner.handle() + " true");
			}
			assertEquals(expected, shown);
			Set<Long> pids = new TreeSet<>();
			pipe.owners().forEach(o -> pids.add(o.pid()));
			assertEquals(new TreeSet<>(Set.of(helper.pid(), child)), pids);
			// cancelled: read-only, nothing attached, no view opened
			assertEquals(0, tracerPid(helper.pid()));
			assertEquals(0, tracerPid(child));
			assertFalse(page.findView(TrafficViews.TRAFFIC) instanceof TrafficView view && view.controller().isCapturing());
		}
	}

	@Test
	void aFifosWriterAndReaderAreCapturedByteExactAndLetGoWhenTheViewCloses() throws Exception {
		// traffic_helper: this process writes, its child reads
		try (TrafficConversation talk = TrafficConversation.start("fifo")) {
			long writer = talk.writer;
			long reader = talk.reader;
			String fifo = talk.readerName;
			IpcObject object = awaitObject(IpcKind.FIFO, fifo, Set.of(writer, reader));

			List<String> shown = new ArrayList<>();
			answer(dialog -> {
				for (TableItem item : dialog.holdersTable().getTable().getItems()) {
					shown.add(item.getText(0) + " " + item.getText(2) + " " + item.getChecked());
				}
				screenshot(dialog.getShell(), "fifo-dialog");
				assertEquals(0, tracerPid(writer), "nothing is attached before Start Capture");
				dialog.pressStart();
			});
			CaptureStarts.captureTraffic(page.getWorkbenchWindow(), object);
			rethrow();
			List<String> expected = new ArrayList<>();
			for (Owner owner : object.owners()) {
				expected.add(owner.pid() + " " + owner.handle() + " true");
			}
			assertEquals(expected, shown);

			TrafficView view = (TrafficView) page.findView(TrafficViews.TRAFFIC);
			assertNotNull(view);
			until(() -> view.controller().isCapturing() && view.status().getText().contains("pid " + writer + " attached")
					&& view.status().getText().contains("pid " + reader + " attached"), "both processes attached");

			for (int size : new int[] { 5, 300, 4096 }) {
				assertTrue(talk.send(size), "send " + size);
			}
			talk.awaitDelivered();
			byte[] expectedBytes = talk.sent();
			until(() -> joined(view, writer, TrafficOp.WRITE).length == expectedBytes.length
					&& joined(view, reader, TrafficOp.READ).length == expectedBytes.length,
					"both directions' bytes in the view: " + view.status().getText() + "; session captured "
							+ (view.controller().session() == null ? "-" : view.controller().session().captured()));
			assertArrayEquals(expectedBytes, joined(view, writer, TrafficOp.WRITE));
			assertArrayEquals(expectedBytes, joined(view, reader, TrafficOp.READ));
			for (int row = 0; row < view.log().shownCount(); row++) {
				assertEquals(fifo, view.table().table().getItem(row).getText(TrafficColumn.OBJECT.ordinal()));
			}
			// Follow Stream on the first write gives the same bytes
			int firstWrite = 0;
			while (!(view.log().all().get(firstWrite).pid() == writer
					&& view.log().all().get(firstWrite).op() == TrafficOp.WRITE)) {
				firstWrite++;
			}
			view.table().table().setSelection(firstWrite);
			assertEquals(writer, view.followKey().pid());
			assertArrayEquals(expectedBytes, FollowedStream.follow(view.log().all(), view.followKey()).bytes());
			spin(200);
			Screenshots.save(page.getWorkbenchWindow().getShell(), "LiveCaptureTest-fifo-capture");

			// closing the view lets both go; they run on, and no byte is lost
			page.hideView(view);
			until(() -> tracerPid(writer) == 0 && tracerPid(reader) == 0, "TracerPid 0 in both");
			assertTrue(talk.send(7), "send 7 after the capture");
			talk.awaitDelivered();
		}
	}

	/** @return the payloads of one process's records of one op, joined in order */
	private static byte[] joined(TrafficView view, long pid, TrafficOp op) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (TrafficRecord r : view.log().all()) {
			if (r.pid() == pid && r.op() == op && !r.failed()) {
				out.writeBytes(r.payload());
			}
		}
		return out.toByteArray();
	}

	/** Waits until the inventory lists the object with (at least) these holders. */
	private static IpcObject awaitObject(IpcKind kind, String name, Set<Long> holders) throws Exception {
		ServiceTracker<InventoryService, InventoryService> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(LiveCaptureTest.class).getBundleContext(), InventoryService.class, null);
		tracker.open();
		try {
			InventoryService inventory = tracker.waitForService(20_000);
			assertNotNull(inventory, "no InventoryService");
			AtomicReference<IpcObject> found = new AtomicReference<>();
			until(() -> {
				for (IpcObject o : inventory.refresh(Set.of(kind)).objects()) {
					Set<Long> pids = new TreeSet<>();
					o.owners().forEach(owner -> pids.add(owner.pid()));
					if (o.name().equals(name) && pids.containsAll(holders)) {
						found.set(o);
						return true;
					}
				}
				return false;
			}, name + " held by " + holders);
			return found.get();
		} finally {
			tracker.close();
		}
	}

	/** Answers the next Capture dialog from inside its modal loop; a failure is rethrown after it. */
	static void answer(ThrowingConsumer<CaptureDialog> answer) {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			for (Shell shell : display.getShells()) {
				if (shell.getData() instanceof CaptureDialog dialog && shell.isVisible()) {
					try {
						answer.accept(dialog);
					} catch (Throwable e) {
						FAILURE.set(e);
						dialog.close();
					}
					return;
				}
			}
			if (System.nanoTime() < deadline) {
				display.timerExec(50, poll[0]);
			}
		};
		FAILURE.set(null);
		display.timerExec(50, poll[0]);
	}

	private static final AtomicReference<Throwable> FAILURE = new AtomicReference<>();

	/** Rethrows what went wrong inside the dialog's answer. */
	@AfterEach
	void rethrow() {
		rethrowAnswerFailure();
	}

	/** Rethrows what went wrong inside the last {@link #answer}, once. */
	static void rethrowAnswerFailure() {
		Throwable failure = FAILURE.getAndSet(null);
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure != null) {
			throw new AssertionError("answering the dialog failed", failure);
		}
	}

	interface ThrowingConsumer<T> {
		void accept(T t) throws Exception;
	}

	private static void screenshot(Shell shell, String name) throws Exception {
		// let the dialog paint first
		spin(300);
		Screenshots.save(shell, "LiveCaptureTest-" + name);
	}

	/** @return the TracerPid of /proc/PID/status (0: not traced) */
	static long tracerPid(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("TracerPid:")) {
					return Long.parseLong(line.substring(10).strip());
				}
			}
		} catch (IOException e) {
			return 0;
		}
		throw new IllegalStateException("no TracerPid in /proc/" + pid + "/status");
	}
}
