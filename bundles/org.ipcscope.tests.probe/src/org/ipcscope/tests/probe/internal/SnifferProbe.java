package org.ipcscope.tests.probe.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.ui.sniff.SniffViews;

/**
 * The sniffer step, run where a sniffer exists (the win32 product under Wine): a receiver window
 * from copydata_helper.exe is picked in the Message Sniffer view's own picker, captured with
 * each strategy through the view's Start and Stop buttons while a copydata_helper sender sends the
 * messages the script chose, and the table, the view's selection, the detail pane and the
 * receiver's own record are reported. Screenshots: the table after each capture, the detail pane
 * of the text message. The script compares; the probe only fails where it cannot go on.
 */
final class SnifferProbe {

	static final String RECEIVER_CLASS = "IpcScopeProbeReceiver";
	static final String RECEIVER_TITLE = "IPC Scope probe receiver";
	static final String RECEIVER_KIND = "top-level";
	/** dwData:size of the message sent after Stop: it must reach the target and not the table. */
	static final String AFTER_STOP = "0x5709:3";

	private final ProbeSettings settings;
	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private final Path helper;
	private final SniffViewDriver sniff;
	private Table table;
	private Composite root;

	SnifferProbe(ProbeSettings settings, ProbeReport report, UiThread ui, IWorkbenchWindow window) {
		this.settings = settings;
		this.report = report;
		this.ui = ui;
		this.window = window;
		this.helper = settings.copyDataHelper();
		this.sniff = new SniffViewDriver(settings, report, ui, window);
	}

	void run() throws Exception {
		try (CopyDataHelperProcess receiver = CopyDataHelperProcess.receiver(helper, RECEIVER_CLASS, RECEIVER_TITLE,
				RECEIVER_KIND)) {
			report.add("sniff", "receiver", receiver.ready);
			sniff.open("sniff");
			root = sniff.root;
			table = sniff.table;
			sniff.pick("sniff", RECEIVER_TITLE);
			for (CaptureStrategy strategy : CaptureStrategy.values()) {
				capture(receiver, strategy);
			}
			showDetail();
		}
	}

	private void capture(CopyDataHelperProcess receiver, CaptureStrategy strategy) throws Exception {
		String tag = strategy.name();
		receiver.command("clear");
		// this is the WM_COPYDATA round: the default selection would also record the WM_GETTEXT
		// that reading the target's title sends it
		String running = sniff.start(strategy, "copydata");
		report.add("sniff", tag, "state", "running", running);
		report.add("sniff", tag, "target-while-capturing", receiver.command("title").get(0));

		List<String> messages = settings.copyDataMessages();
		List<String> sent = send(messages);
		report.add("sniff", tag, "sender-pid", sent.get(0));
		reportResults(tag, "sent", sent);
		ui.await("the " + messages.size() + " rows of the " + tag + " capture",
				() -> table.getItemCount() >= messages.size() ? Boolean.TRUE : null);
		// a later batch would add rows that should not be there
		ui.settle(Duration.ofMillis(1000));
		ui.run(() -> reportTable(tag));
		int line = 0;
		for (String received : receiver.command("list")) {
			if (received.startsWith("MSG ")) {
				report.add("sniff", SniffViewDriver.fields(List.of(tag, "received", Integer.toString(line++)), received.substring(4).split(" ")));
			}
		}
		sniff.screenshot("sniffer-" + tag.toLowerCase().replace('_', '-'));

		String stopped = sniff.stop(strategy);
		report.add("sniff", tag, "state", "stopped", stopped);
		report.add("sniff", tag, "target-after-stop", receiver.command("title").get(0));
		List<String> after = send(List.of(AFTER_STOP));
		reportResults(tag, "after-stop-sent", after);
		ui.settle(Duration.ofMillis(1000));
		report.add("sniff", tag, "after-stop-rows", ui.call(table::getItemCount));
		report.add("sniff", tag, "after-stop-received", receiver.command("count").get(0));
	}

	private List<String> send(List<String> messages) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(RECEIVER_CLASS, RECEIVER_TITLE, RECEIVER_KIND));
		// DWDATA=TEXT comes URL-encoded: a JVM under Wine reads its own command line in the ANSI code page
		messages.stream().map(m -> m.contains("=") ? URLDecoder.decode(m, StandardCharsets.UTF_8) : m)
				.forEach(arguments::add);
		return CopyDataHelperProcess.send(helper, arguments);
	}

	/** One line a "RESULT dwData cbData result fnv": the sender's own view of what it sent and was answered. */
	private void reportResults(String tag, String key, List<String> output) {
		int index = 0;
		for (String line : output.subList(1, output.size())) {
			if (line.startsWith("RESULT ")) {
				report.add("sniff", SniffViewDriver.fields(List.of(tag, key, Integer.toString(index++)), line.substring(7).split(" ")));
			} else {
				report.add("sniff", tag, key + "-output", line);
			}
		}
	}

	/** Each row's cells as shown, then each message as the view hands it on (its selection). */
	private void reportTable(String tag) {
		int rows = table.getItemCount();
		report.add("sniff", tag, "rows", rows);
		report.add("sniff", SniffViewDriver.fields(List.of(tag, "columns"), sniff.columns().toArray(String[]::new)));
		for (int row = 0; row < rows; row++) {
			report.add("sniff", SniffViewDriver.fields(List.of(tag, "row", Integer.toString(row)), SniffViewDriver.cells(table, row).toArray(String[]::new)));
		}
		int[] all = new int[rows];
		Arrays.setAll(all, i -> i);
		Widgets.select(table, all);
		IViewPart view = window.getActivePage().findView(SniffViews.COPY_DATA);
		IStructuredSelection selection = (IStructuredSelection) view.getSite().getSelectionProvider().getSelection();
		int index = 0;
		for (Object element : selection.toList()) {
			CapturedMessage m = (CapturedMessage) element;
			report.add("sniff", tag, "payload", index++, CaptureJsonLines.hex(m.dwData()), m.cbData(), m.payload().length,
					fnv(m.payload()), m.senderPid());
		}
		Widgets.select(table);
	}

	/** The text message selected, as the detail pane decodes it (auto-detect). */
	private void showDetail() throws Exception {
		int row = ui.call(() -> {
			for (int i = 0; i < table.getItemCount(); i++) {
				if (settings.copyDataMessages().get(i).contains("=")) {
					return i;
				}
			}
			return -1;
		});
		if (row < 0) {
			report.add("sniff", "detail", "no text message sent");
			return;
		}
		ui.run(() -> {
			Widgets.select(table, row);
			table.showSelection();
			Text decoded = Widgets.first(root, Text.class, t -> (t.getStyle() & SWT.MULTI) != 0);
			Composite pane = decoded.getParent().getParent();
			List<Label> labels = Widgets.all(pane, Label.class, l -> l.getParent() == pane);
			report.add("sniff", "detail", "row", row);
			report.add("sniff", "detail", "summary", labels.get(labels.size() - 1).getText());
			report.add("sniff", "detail", "text", decoded.getText());
		});
		sniff.screenshot("sniffer-detail");
	}

	/** FNV-1a, 64 bit: what copydata_helper.exe reports for the bytes it sent and received. */
	static String fnv(byte[] bytes) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : bytes) {
			hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
		}
		return HexFormat.of().toHexDigits(hash);
	}
}
