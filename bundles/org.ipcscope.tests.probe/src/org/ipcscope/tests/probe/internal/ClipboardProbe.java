package org.ipcscope.tests.probe.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.ipcscope.ui.clipboard.internal.Messages;

/**
 * The Clipboard view, run where the clipboard has owners to show (the win32 product under Wine):
 * clipboard_helper.exe puts text, a registered format and a delayed-rendered format on the
 * clipboard; the view opened with Show View lists them with the owner; recording the history (the
 * view's Record command) then gets an entry per change the helper makes; Read Content on each format
 * shows its content, the delayed one rendered only then. Between the steps the helper says how often
 * it was asked to render. Screenshots: the history, the delayed format read.
 */
final class ClipboardProbe {

	static final String VIEW_ID = "org.ipcscope.ui.clipboard.view";
	private static final String READ = "org.ipcscope.ui.clipboard.read";
	private static final String WATCH = "org.ipcscope.ui.clipboard.watch";
	private static final List<String> FORMATS = List.of("CF_UNICODETEXT", "IpcScopeCustom", "IpcScopeDelayed");

	private final ProbeSettings settings;
	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private final Path helper;
	private IViewPart view;
	private Table formats;
	private Table history;
	private Label status;
	private Label historyLabel;
	private Text detail;
	private Label summary;

	ClipboardProbe(ProbeSettings settings, ProbeReport report, UiThread ui, IWorkbenchWindow window) {
		this.settings = settings;
		this.report = report;
		this.ui = ui;
		this.window = window;
		this.helper = settings.clipboardHelper();
	}

	void run() throws Exception {
		List<String> texts = settings.clipboardTexts();
		try (CopyDataHelperProcess owner = CopyDataHelperProcess.start(helper, List.of("own", texts.get(0)), "READY ")) {
			report.add("clip", "owner", owner.ready, "pid=" + owner.pid());
			open();
			String pid = "pid " + owner.pid();
			String listed = ui.await("the helper's formats and its pid in the view", () -> status.getText().contains(pid)
					&& FORMATS.stream().allMatch(f -> row(formats, 1, f) >= 0) ? status.getText() : null);
			report.add("clip", "status", listed);
			ui.run(() -> reportTable("formats", formats));
			report.add("clip", "renders", "listed", owner.command("renders").get(0));

			execute(WATCH);
			ui.await("the history to record", () -> historyLabel.getText().equals(watching(0)) ? Boolean.TRUE : null);
			ui.await("the history's watch to start", () -> Arrays.stream(Job.getJobManager().find(null))
					.noneMatch(j -> Messages.Job_Watch.equals(j.getName())) ? Boolean.TRUE : null);
			for (int i = 1; i < texts.size(); i++) {
				report.add("clip", "set", i, owner.command("set " + texts.get(i)).get(0));
				int entries = i;
				ui.await("history entry " + i, () -> history.getItemCount() >= entries ? Boolean.TRUE : null);
			}
			ui.run(() -> {
				report.add("clip", "history-label", historyLabel.getText());
				reportTable("history", history);
				reportTable("formats-now", formats);
			});
			report.add("clip", "renders", "recorded", owner.command("renders").get(0));
			SniffViewDriver.screenshot(settings, report, ui, window, "clipboard-history");

			for (String format : FORMATS) {
				read(format);
				report.add("clip", "renders", "read-" + format, owner.command("renders").get(0));
			}
			SniffViewDriver.screenshot(settings, report, ui, window, "clipboard-delayed");
			execute(WATCH);
			ui.await("the history to stop recording",
					() -> historyLabel.getText().equals(Messages.View_History.replace("{0}", "" + (texts.size() - 1)))
							? Boolean.TRUE : null);
		}
	}

	private void open() throws Exception {
		view = ProbeRun.showView(window, ui, report, VIEW_ID, "clip-view");
		ui.run(() -> {
			IWorkbenchPage page = window.getActivePage();
			page.activate(view);
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		});
		formats = ui.await("the view's format list", () -> table(Messages.Column_Content));
		ui.run(() -> {
			history = table(Messages.Column_Formats);
			Composite root = formats.getParent().getParent().getParent();
			Composite top = (Composite) root.getChildren()[0];
			status = (Label) top.getChildren()[2];
			historyLabel = (Label) history.getParent().getChildren()[0];
			detail = Widgets.first(root, Text.class, t -> (t.getStyle() & SWT.MULTI) != 0);
			summary = (Label) detail.getParent().getChildren()[0];
		});
	}

	/** Selects the format's row and runs Read Content; reports the row and the detail pane once read. */
	private void read(String format) throws Exception {
		ui.run(() -> {
			int row = row(formats, 1, format);
			Widgets.select(formats, row);
			window.getActivePage().activate(view);
		});
		execute(READ);
		String content = ui.await("the content of " + format, () -> {
			int row = row(formats, 1, format);
			String cell = row < 0 ? Messages.View_NotRead : formats.getItem(row).getText(3);
			return cell.equals(Messages.View_NotRead) || detail.getText().isEmpty() && summary.getText().isEmpty() ? null
					: cell;
		});
		ui.run(() -> {
			report.add("clip", SniffViewDriver.fields(List.of("read", format, "row"),
					SniffViewDriver.cells(formats, row(formats, 1, format)).toArray(String[]::new)));
			report.add("clip", "read", format, "content", content);
			report.add("clip", "read", format, "summary", summary.getText());
			report.add("clip", "read", format, "detail", detail.getText().replace("\r", "").replace("\n", "\\n"));
		});
	}

	/** What a click on the view's toolbar or menu item does: the command, with the view the active part. */
	private void execute(String commandId) {
		ui.run(() -> {
			window.getActivePage().activate(view);
			ICommandService commands = window.getService(ICommandService.class);
			IHandlerService handlers = window.getService(IHandlerService.class);
			try {
				handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(commandId), Map.of()), null);
			} catch (Exception e) {
				throw new IllegalStateException("The command " + commandId + " failed", e);
			}
		});
	}

	private void reportTable(String key, Table table) {
		report.add("clip", key, "rows", table.getItemCount());
		report.add("clip", SniffViewDriver.fields(List.of(key, "columns"),
				Arrays.stream(table.getColumns()).map(TableColumn::getText).toArray(String[]::new)));
		for (int row = 0; row < table.getItemCount(); row++) {
			report.add("clip", SniffViewDriver.fields(List.of(key, "row", Integer.toString(row)),
					SniffViewDriver.cells(table, row).toArray(String[]::new)));
		}
	}

	private Table table(String column) {
		return Widgets.first(window.getShell(), Table.class,
				t -> Arrays.stream(t.getColumns()).anyMatch(col -> column.equals(col.getText())));
	}

	private static String watching(int entries) {
		return Messages.View_HistoryWatching.replace("{0}", Integer.toString(entries));
	}

	/** @return the first row whose cell in {@code column} is {@code text}, or -1 */
	private static int row(Table table, int column, String text) {
		for (int row = 0; row < table.getItemCount(); row++) {
			if (text.equals(table.getItem(row).getText(column))) {
				return row;
			}
		}
		return -1;
	}
}
