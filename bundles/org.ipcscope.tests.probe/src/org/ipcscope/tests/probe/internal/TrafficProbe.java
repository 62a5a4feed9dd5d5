package org.ipcscope.tests.probe.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.process.ProcessModule;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.internal.views.IpcObjectsView;
import org.ipcscope.ui.traffic.TrafficViews;

/**
 * The traffic step, run where the capture DLL exists (the win32 product under Wine): a named pipe
 * server and client, then a mailslot server and client, all traffic_helper.exe, are captured as a
 * user does it: the object's row in the IPC Objects view, Capture Traffic... on its context menu,
 * Start Capture in the dialog. The client sends the messages the script chose; the probe reports
 * what each helper says it sent and got, every record the Traffic view hands on (its selection)
 * with a hash of its payload, the table's rows as shown, the status line, Stop through the view's
 * toolbar, the target's modules after Stop and a message after Stop. Screenshots: the table of
 * each round, the detail pane of the largest message. The script compares.
 */
final class TrafficProbe {

	/** plugin.properties of org.ipcscope.ui.traffic: command.captureTraffic, label.stop */
	static final String CAPTURE_TRAFFIC = "Capture Traffic...";
	static final String STOP = "Stop";
	static final String START_CAPTURE = "Start Capture";
	static final String DLL = "ipcscope_capture.dll";

	private final ProbeSettings settings;
	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private Table table;
	private Label status;

	TrafficProbe(ProbeSettings settings, ProbeReport report, UiThread ui, IWorkbenchWindow window) {
		this.settings = settings;
		this.report = report;
		this.ui = ui;
		this.window = window;
	}

	void run() throws Exception {
		String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
		round("pipe", "ipcscope-probe-pipe-" + suffix, settings.trafficSizes());
		// Wine 8 cannot read a 0-byte mailslot message, capture or not (docs/user/traffic.md)
		round("mailslot", "ipcscope-probe-slot-" + suffix,
				settings.trafficSizes().stream().filter(size -> size > 0).toList());
	}

	private void round(String kind, String name, List<Integer> sizes) throws Exception {
		Path helper = settings.trafficHelper();
		String object = "\\\\." + "\\" + kind + "\\" + name;
		report.add("traffic", kind, "object", object);
		try (TrafficHelperProcess server = kind.equals("pipe")
				? new TrafficHelperProcess(helper, "pipe-server", name, "ack")
				: new TrafficHelperProcess(helper, "mailslot-server", name);
				TrafficHelperProcess client = new TrafficHelperProcess(helper, kind + "-client", name)) {
			report.add("traffic", kind, "server-pid", server.pid);
			report.add("traffic", kind, "client-pid", client.pid);
			// before the capture: the server then waits in its next read while it is hooked
			exchange(kind, "before", 0, 3, client, server);
			startCapture(kind, object);
			String attached = ui.await(kind + ": the holders attached", () -> {
				String text = status.getText();
				return text.contains("pid " + server.pid + " ") && !text.contains("Starting") ? text : null;
			});
			report.add("traffic", kind, "status", "attached", attached);
			if (!attached.contains("pid " + server.pid + " attached")) {
				throw new IllegalStateException(kind + ": the server was not attached: " + attached);
			}
			report.add("traffic", kind, "dll-while-capturing", server.pid, dllLoaded(server.pid));
			int k = 1;
			for (int size : sizes) {
				exchange(kind, "sent", k++, size, client, server);
			}
			// the last record each message causes: the pipe server's ack, the mailslot server's read (the
			// first one already waited when the capture started: recorded when it returned)
			String last = kind.equals("pipe") ? "write" : "read";
			ui.await(kind + ": the server's " + last + "s in the table", () -> records().stream()
					.filter(r -> r.pid() == server.pid && r.op().id().equals(last)).count() >= sizes.size() ? Boolean.TRUE : null);
			// a later batch would add rows that should not be there
			ui.settle(Duration.ofMillis(1500));
			List<TrafficRecord> records = ui.call(this::records);
			reportRecords(kind, records);
			ui.run(() -> reportTable(kind));
			screenshot(kind + "-table");
			showLargest(kind, records, sizes);

			stop(kind);
			// the read that waited inside a hook returns with this message: then the DLL can leave
			exchange(kind, "after-stop", 0, 5, client, server);
			ui.settle(Duration.ofMillis(1000));
			report.add("traffic", kind, "after-stop-records", ui.call(() -> records().size()), records.size());
			String gone = awaitOrNull(kind + ": the DLL gone from the server",
					() -> dllLoaded(server.pid) ? null : "unloaded");
			report.add("traffic", kind, "dll-after-stop", server.pid, gone == null ? "loaded" : gone);
			if (kind.equals("pipe")) {
				String clientGone = awaitOrNull(kind + ": the DLL gone from the client",
						() -> dllLoaded(client.pid) ? null : "unloaded");
				report.add("traffic", kind, "dll-after-stop", client.pid, clientGone == null ? "loaded" : clientGone);
			}
		}
	}

	/** The client sends one message; both say what they sent and got ("SENT size fnv", "MSG n size fnv"). */
	private void exchange(String kind, String key, int index, int size, TrafficHelperProcess client,
			TrafficHelperProcess server) throws Exception {
		String sent = client.command("send " + size);
		String got = server.line();
		report.add("traffic", kind, key, index, sent, got);
	}

	/** The object's row in IPC Objects, Capture Traffic... on its context menu, Start Capture in the dialog. */
	private void startCapture(String kind, String object) throws Exception {
		IpcObjectsView objects = ui.call(() -> (IpcObjectsView) window.getActivePage().findView(IpcScopeViews.IPC_OBJECTS));
		ui.run(objects::refresh);
		TreeItem row = ui.await(kind + ": " + object + " in IPC Objects", () -> {
			for (TreeItem group : objects.viewer().getTree().getItems()) {
				for (TreeItem item : group.getItems()) {
					if (item.getData() instanceof TrackedObject tracked && tracked.object().name().equals(object)) {
						return item;
					}
				}
			}
			return null;
		});
		MenuItem capture = ui.call(() -> {
			IWorkbenchPage page = window.getActivePage();
			page.setPartState(page.getReference(objects), IWorkbenchPage.STATE_RESTORED);
			page.activate(objects);
			objects.viewer().setSelection(new StructuredSelection(row.getData()), true);
			report.add("traffic", fields(List.of(kind, "row"), cells(row)));
			Menu menu = objects.viewer().getTree().getMenu();
			menu.notifyListeners(SWT.Show, new Event());
			List<String> offered = new ArrayList<>();
			MenuItem found = null;
			for (MenuItem item : menu.getItems()) {
				offered.add(item.getText());
				if (item.getText().replace("&", "").startsWith(CAPTURE_TRAFFIC) && item.isEnabled()) {
					found = item;
				}
			}
			report.add("traffic", fields(List.of(kind, "menu"), offered));
			return found;
		});
		if (capture == null) {
			throw new IllegalStateException("IPC Objects offers no enabled " + CAPTURE_TRAFFIC + " on " + object);
		}
		// the dialog's open() blocks until it closes: choose the item from a later turn of the event loop
		ui.run(() -> capture.getDisplay().asyncExec(() -> capture.notifyListeners(SWT.Selection, new Event())));
		Shell dialog = ui.await(kind + ": the capture dialog", () -> Arrays.stream(window.getShell().getDisplay().getShells())
				.filter(s -> !s.isDisposed() && s.isVisible() && Widgets.button(s, START_CAPTURE) != null)
				.findFirst().orElse(null));
		ui.run(() -> {
			Table holders = Widgets.first(dialog, Table.class, t -> true);
			for (int i = 0; i < holders.getItemCount(); i++) {
				List<String> cells = cells(holders, i);
				cells.add(Boolean.toString(holders.getItem(i).getChecked()));
				report.add("traffic", fields(List.of(kind, "holder"), cells));
			}
			org.eclipse.swt.widgets.Text change = Widgets.first(dialog, org.eclipse.swt.widgets.Text.class,
					t -> (t.getStyle() & SWT.MULTI) != 0);
			report.add("traffic", kind, "change", change == null ? "" : change.getText());
			report.add("traffic", kind, "dll-before-start", dllLoadedOrError(holders));
		});
		screenshot(kind + "-dialog", dialog);
		ui.run(() -> Widgets.click(Widgets.button(dialog, START_CAPTURE)));
		IViewPart view = ui.await(kind + ": the Traffic view", () -> window.getActivePage().findView(TrafficViews.TRAFFIC));
		ui.run(() -> {
			IWorkbenchPage page = window.getActivePage();
			page.activate(view);
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
			table = findTable();
			Composite root = table.getParent().getParent();
			List<Label> labels = Widgets.all(root, Label.class, l -> l.getParent() == root);
			status = labels.get(labels.size() - 1);
		});
	}

	/** The pid column's processes of the dialog, before Start: the DLL must be in none. */
	private String dllLoadedOrError(Table holders) {
		List<String> states = new ArrayList<>();
		for (int i = 0; i < holders.getItemCount(); i++) {
			long pid = Long.parseLong(holders.getItem(i).getText(0));
			states.add(pid + "=" + (dllLoaded(pid) ? "loaded" : "absent"));
		}
		return String.join(",", states);
	}

	/** The Traffic view's table: the one whose columns are #, Time, Process, Op... */
	private Table findTable() {
		Table found = Widgets.first(window.getShell(), Table.class, t -> t.getColumnCount() > 3
				&& "#".equals(t.getColumn(0).getText()) && t.isVisible());
		if (found == null) {
			throw new IllegalStateException("no Traffic table in the window");
		}
		return found;
	}

	/** @return every record the view shows, as its selection hands them on */
	private List<TrafficRecord> records() {
		int rows = table.getItemCount();
		int[] all = new int[rows];
		Arrays.setAll(all, i -> i);
		Widgets.select(table, all);
		IViewPart view = window.getActivePage().findView(TrafficViews.TRAFFIC);
		IStructuredSelection selection = (IStructuredSelection) view.getSite().getSelectionProvider().getSelection();
		List<TrafficRecord> records = new ArrayList<>();
		for (Object element : selection.toList()) {
			records.add((TrafficRecord) element);
		}
		Widgets.select(table);
		return records;
	}

	private void reportRecords(String kind, List<TrafficRecord> records) {
		report.add("traffic", kind, "records", records.size());
		int index = 0;
		for (TrafficRecord r : records) {
			report.add("traffic", kind, "record", index++, r.pid(), r.op().id(), r.call(), r.requested(), r.transferred(),
					r.status(), r.payload().length, SnifferProbe.fnv(r.payload()), r.object());
		}
	}

	private void reportTable(String kind) {
		report.add("traffic", kind, "rows", table.getItemCount());
		List<String> columns = new ArrayList<>();
		Arrays.stream(table.getColumns()).forEach(c -> columns.add(c.getText()));
		report.add("traffic", fields(List.of(kind, "columns"), columns));
		for (int row = 0; row < table.getItemCount(); row++) {
			report.add("traffic", fields(List.of(kind, "table", Integer.toString(row)), cells(table, row)));
		}
		report.add("traffic", kind, "status", "table", status.getText());
	}

	/** The largest message's row selected: the detail pane shows its bytes. */
	private void showLargest(String kind, List<TrafficRecord> records, List<Integer> sizes) throws Exception {
		int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
		int row = -1;
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i).transferred() == largest && records.get(i).op().id().equals("read")) {
				row = i;
			}
		}
		int selected = row;
		if (selected < 0) {
			return;
		}
		ui.run(() -> {
			Widgets.select(table, selected);
			table.showSelection();
		});
		screenshot(kind + "-detail");
	}

	private void stop(String kind) throws Exception {
		boolean clicked = ui.call(() -> {
			for (Shell shell : window.getShell().getDisplay().getShells()) {
				for (ToolBar bar : Widgets.all(shell, ToolBar.class, b -> b.isVisible())) {
					for (ToolItem item : bar.getItems()) {
						if (STOP.equals(item.getText()) && item.isEnabled()) {
							item.notifyListeners(SWT.Selection, new Event());
							return true;
						}
					}
				}
			}
			return false;
		});
		report.add("traffic", kind, "stop-clicked", clicked);
		String stopped = ui.await(kind + ": the capture to stop",
				() -> status.getText().contains("Stopped") ? status.getText() : null);
		report.add("traffic", kind, "status", "stopped", stopped);
		screenshot(kind + "-stopped");
	}

	/** @return whether the capture DLL is among the process's modules, as the product lists them */
	private static boolean dllLoaded(long pid) {
		boolean[] loaded = { false };
		Exception[] failure = { null };
		boolean called = ServiceCaller.callOnce(TrafficProbe.class, ProcessMemoryProvider.class, provider -> {
			try {
				for (ProcessModule module : provider.modules(pid)) {
					loaded[0] |= module.name().equalsIgnoreCase(DLL);
				}
			} catch (Exception e) {
				failure[0] = e;
			}
		});
		if (!called || failure[0] != null) {
			throw new IllegalStateException("no module list of " + pid, failure[0]);
		}
		return loaded[0];
	}

	/** As {@link UiThread#await}, but {@code null} after 60 s instead of a failure. */
	private String awaitOrNull(String what, java.util.function.Supplier<String> step) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String result = step.get();
			if (result != null) {
				return result;
			}
			Thread.sleep(200);
		}
		report.add("traffic", "timeout", what);
		return null;
	}

	private void screenshot(String name) throws Exception {
		screenshot(name, window.getShell());
	}

	private void screenshot(String name, Shell shell) throws Exception {
		Path png = settings.screenshot().resolveSibling(
				settings.screenshot().getFileName().toString().replaceFirst("\\.png$", "") + "-" + name + ".png");
		ui.settle(Duration.ofMillis(800));
		var area = ui.call(() -> {
			try {
				return WorkbenchScreenshot.save(shell, png);
			} catch (Exception e) {
				throw new IllegalStateException("Cannot save " + png, e);
			}
		});
		report.add("screenshot", png, area.width + "x" + area.height, "traffic=" + name);
	}

	private static List<String> cells(TreeItem item) {
		List<String> cells = new ArrayList<>();
		for (int column = 0; column < Math.max(1, item.getParent().getColumnCount()); column++) {
			cells.add(item.getText(column));
		}
		return cells;
	}

	private static List<String> cells(Table table, int row) {
		List<String> cells = new ArrayList<>();
		for (int column = 0; column < table.getColumnCount(); column++) {
			cells.add(table.getItem(row).getText(column));
		}
		return cells;
	}

	private static List<String> fields(List<String> head, List<String> tail) {
		List<String> fields = new ArrayList<>(head);
		fields.addAll(tail);
		return fields;
	}
}
