package org.ipcscope.tests.probe.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.sniff.internal.Messages;

/**
 * The registered-message round of the sniffer, run where a sniffer exists (the win32 product under
 * Wine), on the classic Win32 recipe of regmsg_helper.exe: a receiver window is picked in the
 * sniffer view's picker and captured with each strategy while a sender registers "Mapped", "Handle"
 * and "Shared", sends them ("Handle" with its pid and a GlobalAlloc'd buffer's address) and posts
 * "Shared". Reported: the rows as shown, the sender's and the receiver's own record, the detail
 * line of the "Handle" row, and what Open in Hex Editor shows at the address while the sender still
 * holds the buffer. Screenshots: the table of each capture, the hex editor.
 */
final class RegMsgProbe {

	static final String RECEIVER_CLASS = "IpcScopeProbeRegMsg";
	static final String RECEIVER_TITLE = "IPC Scope registered messages";

	private final ProbeSettings settings;
	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private final Path helper;
	private final SniffViewDriver sniff;

	RegMsgProbe(ProbeSettings settings, ProbeReport report, UiThread ui, IWorkbenchWindow window) {
		this.settings = settings;
		this.report = report;
		this.ui = ui;
		this.window = window;
		this.helper = settings.regMsgHelper();
		this.sniff = new SniffViewDriver(settings, report, ui, window);
	}

	void run() throws Exception {
		try (CopyDataHelperProcess receiver = CopyDataHelperProcess.start(helper,
				List.of("receive", RECEIVER_CLASS, RECEIVER_TITLE), "READY ")) {
			report.add("regmsg", "receiver", receiver.ready);
			sniff.open("regmsg");
			sniff.pick("regmsg", RECEIVER_TITLE);
			List<CaptureStrategy> strategies = List.of(CaptureStrategy.values());
			for (CaptureStrategy strategy : strategies) {
				boolean last = strategy == strategies.get(strategies.size() - 1);
				capture(receiver, strategy, last);
			}
		}
	}

	/** @param openMemory whether to follow the "Handle" row into the sender's memory before it ends */
	private void capture(CopyDataHelperProcess receiver, CaptureStrategy strategy, boolean openMemory) throws Exception {
		String tag = strategy.name();
		String text = settings.regMsgText() + " " + tag;
		report.add("regmsg", tag, "state", "running", sniff.start(strategy, settings.regMsgSelection()));
		try (CopyDataHelperProcess sender = CopyDataHelperProcess.start(helper,
				List.of("send", RECEIVER_CLASS, RECEIVER_TITLE, text), "SENT ")) {
			report.add("regmsg", tag, "sender-pid", sender.pid());
			report.add("regmsg", tag, "sender", sender.ready);
			sender.until("DONE").forEach(line -> report.add("regmsg", tag, "sender", line));
			Table table = sniff.table;
			ui.await("the 4 rows of the " + tag + " capture", () -> table.getItemCount() >= 4 ? Boolean.TRUE : null);
			// a later batch would add rows that should not be there
			ui.settle(Duration.ofMillis(1000));
			ui.run(() -> {
				report.add("regmsg", tag, "rows", table.getItemCount());
				report.add("regmsg", SniffViewDriver.fields(List.of(tag, "columns"), shownColumns(table)));
				for (int row = 0; row < table.getItemCount(); row++) {
					report.add("regmsg", SniffViewDriver.fields(List.of(tag, "row", Integer.toString(row)),
							SniffViewDriver.shownCells(table, row).toArray(String[]::new)));
				}
			});
			receiver.command("list").forEach(line -> report.add("regmsg", tag, "received", line));
			showHandleRow(tag);
			sniff.screenshot("regmsg-" + tag.toLowerCase().replace('_', '-'));
			if (openMemory) {
				openMemory(text);
			}
		}
		report.add("regmsg", tag, "state", "stopped", sniff.stop(strategy));
	}

	/** Selects the row whose Message cell names "Handle": the detail line and whether Open in Hex Editor is offered. */
	private void showHandleRow(String tag) throws Exception {
		ui.run(() -> {
			Table table = sniff.table;
			int message = Arrays.asList(table.getColumns()).indexOf(Arrays.stream(table.getColumns())
					.filter(c -> Messages.Column_Message.equals(c.getText())).findFirst().orElseThrow());
			for (int row = 0; row < table.getItemCount(); row++) {
				if (table.getItem(row).getText(message).endsWith(" Handle")) {
					Widgets.select(table, row);
					table.showSelection();
					report.add("regmsg", tag, "detail", "row", row);
					break;
				}
			}
		});
		ui.settle(Duration.ofMillis(300));
		ui.run(() -> {
			Label fields = Widgets.first(sniff.root, Label.class,
					// the detail line ("sent Handle (0x...)  |  wParam ...  |  lParam ..."), not the filter bar's label
					l -> l.isVisible() && l.getText().contains("|  wParam ") && l.getText().contains("|  lParam "));
			report.add("regmsg", tag, "detail", "fields", fields == null ? "-" : fields.getText());
			Button open = Widgets.button(sniff.root, Messages.Detail_OpenMemory);
			report.add("regmsg", tag, "detail", "open-memory", open != null && open.isVisible() ? "offered" : "not offered",
					open == null ? "-" : open.getToolTipText());
		});
	}

	/** Clicks Open in Hex Editor; reports the editor's title and the bytes it shows from the address on. */
	private void openMemory(String text) throws Exception {
		ui.run(() -> Widgets.click(Widgets.button(sniff.root, Messages.Detail_OpenMemory)));
		HexEditor editor = ui.await("the hex editor on the sender's memory", () -> {
			IEditorPart part = window.getActivePage().getActiveEditor();
			return part instanceof HexEditor hex && hex.shownBytes() != null ? hex : null;
		});
		ui.run(() -> {
			report.add("regmsg", "hex", "title", editor.getTitle());
			report.add("regmsg", "hex", "tooltip", editor.getTitleToolTip());
			report.add("regmsg", "hex", "caret", editor.caret());
			report.add("regmsg", "hex", "status", editor.statusText());
		});
		// as the user finds it right after the click, the sniffer view still maximized
		sniff.screenshot("regmsg-hex-opened");
		ui.run(() -> {
			IWorkbenchPage page = window.getActivePage();
			page.setPartState(page.getReference(sniff.view), IWorkbenchPage.STATE_RESTORED);
			page.activate(editor);
			page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		});
		byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
		String shown;
		try {
			shown = ui.await("the buffer's bytes on screen", Duration.ofSeconds(30), () -> {
				// the caret's row may be the last on screen: what is shown from the caret on, a row at least
				Viewport bytes = editor.shownBytes();
				long at = editor.caret() - bytes.offset();
				int length = (int) Math.min(wanted.length, bytes.bytes().length - at);
				if (at < 0 || length < Math.min(wanted.length, 16)) {
					return null;
				}
				return new String(bytes.bytes(), (int) at, length, StandardCharsets.UTF_8);
			});
		} finally {
			ui.run(() -> report.add("regmsg", "hex", "viewport", editor.shownBytes().offset(),
					editor.shownBytes().bytes().length, editor.caret()));
		}
		report.add("regmsg", "hex", "text-at-caret", shown);
		sniff.screenshot("regmsg-hex");
		ui.run(() -> {
			IWorkbenchPage page = window.getActivePage();
			page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);
			page.activate(sniff.view);
		});
	}

	private static String[] shownColumns(Table table) {
		return Arrays.stream(table.getColumnOrder()).mapToObj(i -> table.getColumn(i).getText()).toArray(String[]::new);
	}
}
