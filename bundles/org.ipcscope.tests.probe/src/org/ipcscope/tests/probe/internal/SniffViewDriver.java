package org.ipcscope.tests.probe.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.ui.sniff.SniffViews;
import org.ipcscope.ui.sniff.internal.Messages;

/**
 * The sniffer view as a user works it: opened with Show View and maximized, a window picked in its
 * own picker, a strategy and a message selection chosen, Start and Stop clicked. What the probes
 * that capture with it share.
 */
final class SniffViewDriver {

	private final ProbeSettings settings;
	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private Button pick;
	IViewPart view;
	Composite root;
	Table table;
	Label status;

	SniffViewDriver(ProbeSettings settings, ProbeReport report, UiThread ui, IWorkbenchWindow window) {
		this.settings = settings;
		this.report = report;
		this.ui = ui;
		this.window = window;
	}

	/** Shows the view and waits until both strategies can be chosen; reports its status and spinners. */
	void open(String key) throws Exception {
		view = ProbeRun.showView(window, ui, report, SniffViews.COPY_DATA, key + "-view");
		ui.run(() -> {
			IWorkbenchPage page = window.getActivePage();
			page.activate(view);
			// the whole window for the view: the screenshots show its rows and its detail pane
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		});
		pick = ui.await("the sniffer view's Pick Window button",
				() -> Widgets.button(window.getShell(), Messages.View_PickWindow));
		ui.run(() -> {
			root = pick.getParent().getParent();
			table = Widgets.first(root, Table.class, t -> true);
			List<Label> labels = Widgets.all(root, Label.class, l -> l.getParent() == root);
			status = labels.get(labels.size() - 1);
		});
		ui.await("the sniffer's strategies", () -> pick.isEnabled()
				&& strategyButton(CaptureStrategy.IN_PROCESS).isEnabled() ? Boolean.TRUE : null);
		report.add(key, "status", ui.call(status::getText));
		// payload cap (KiB) and ring slots: their values, and the text the spinners hold
		ui.run(() -> Widgets.all(root, Spinner.class, sp -> true).forEach(
				sp -> report.add(key, "spinner", sp.getSelection(), sp.getText())));
	}

	/** Through the view's picker dialog: filter by the window's title, select its row, OK. */
	void pick(String key, String title) throws Exception {
		// the dialog's open() blocks until it closes: click from a later turn of the event loop
		ui.run(() -> pick.getDisplay().asyncExec(() -> Widgets.click(pick)));
		Shell dialog = ui.await("the window picker", () -> Arrays.stream(window.getShell().getDisplay().getShells())
				.filter(s -> !s.isDisposed() && s.isVisible() && Messages.Picker_Title.equals(s.getText()))
				.findFirst().orElse(null));
		ui.run(() -> Widgets.first(dialog, Text.class, t -> true).setText(title));
		Table windows = ui.await("the window '" + title + "' in the picker's list", () -> {
			Table list = Widgets.first(dialog, Table.class, t -> true);
			return list != null && list.getItemCount() == 1 && title.equals(list.getItem(0).getText(2)) ? list : null;
		});
		ui.run(() -> {
			report.add(key, fields(List.of("picker"), cells(windows, 0).toArray(String[]::new)));
			Widgets.select(windows, 0);
			Widgets.click(Widgets.button(dialog, IDialogConstants.OK_LABEL));
		});
		String target = ui.await("the picked target", () -> {
			// the view's labels: the banner, "Target:", then the target itself
			Label shown = Widgets.all(root, Label.class, l -> true).get(2);
			return dialog.isDisposed() && shown.getText().contains(title) ? shown.getText() : null;
		});
		report.add(key, "picked", target);
	}

	/**
	 * Chooses the strategy and the message selection, clicks Start and waits until the status says
	 * the capture runs.
	 *
	 * @return the status then
	 */
	String start(CaptureStrategy strategy, String messages) throws Exception {
		String runningPrefix = " | " + prefix(Messages.State_Running);
		String failedPrefix = " | " + prefix(Messages.State_Failed);
		ui.run(() -> {
			Widgets.click(strategyButton(strategy));
			Widgets.first(root, Text.class, t -> Messages.View_MessagesHint.equals(t.getMessage())).setText(messages);
			Widgets.click(Widgets.button(root, Messages.View_Start));
		});
		return ui.await("the " + strategy + " capture to run", () -> {
			String text = status.getText();
			if (text.contains(failedPrefix)) {
				throw new IllegalStateException(text);
			}
			return text.contains(runningPrefix) ? text : null;
		});
	}

	/** Clicks Stop. @return the status once it says the capture stopped */
	String stop(CaptureStrategy strategy) throws Exception {
		ui.run(() -> Widgets.click(Widgets.button(root, Messages.View_Stop)));
		return ui.await("the " + strategy + " capture to stop",
				() -> status.getText().endsWith(" | " + Messages.State_Stopped) ? status.getText() : null);
	}

	/** Saves the workbench window beside the main screenshot as {@code <main>-<name>.png}. */
	void screenshot(String name) throws Exception {
		screenshot(settings, report, ui, window, name);
	}

	static void screenshot(ProbeSettings settings, ProbeReport report, UiThread ui, IWorkbenchWindow window, String name)
			throws Exception {
		Path png = settings.screenshot().resolveSibling(
				settings.screenshot().getFileName().toString().replaceFirst("\\.png$", "") + "-" + name + ".png");
		ui.settle(Duration.ofMillis(800));
		var area = ui.call(() -> {
			try {
				return WorkbenchScreenshot.save(window.getShell(), png);
			} catch (Exception e) {
				throw new IllegalStateException("Cannot save " + png, e);
			}
		});
		report.add("screenshot", png, area.width + "x" + area.height, "shot=" + name);
	}

	Button strategyButton(CaptureStrategy strategy) {
		String name = strategy == CaptureStrategy.PROXY ? Messages.Strategy_PROXY : Messages.Strategy_IN_PROCESS;
		return Widgets.first(root, Button.class, b -> (b.getStyle() & SWT.RADIO) != 0 && b.getText().startsWith(name));
	}

	List<String> columns() {
		List<String> names = new ArrayList<>();
		Arrays.stream(table.getColumns()).forEach(c -> names.add(c.getText()));
		return names;
	}

	/** @return the row's cells in the order the table shows its columns */
	static List<String> shownCells(Table table, int row) {
		List<String> cells = new ArrayList<>();
		for (int column : table.getColumnOrder()) {
			cells.add(table.getItem(row).getText(column));
		}
		return cells;
	}

	static List<String> cells(Table table, int row) {
		List<String> cells = new ArrayList<>();
		for (int column = 0; column < table.getColumnCount(); column++) {
			cells.add(table.getItem(row).getText(column));
		}
		return cells;
	}

	/** @return the fields of a report line: {@code head}, then each of {@code tail} */
	static List<String> fields(List<String> head, String... tail) {
		List<String> fields = new ArrayList<>(head);
		fields.addAll(List.of(tail));
		return fields;
	}

	/** The text of a message before its first argument. */
	static String prefix(String message) {
		int brace = message.indexOf('{');
		return brace < 0 ? message : message.substring(0, brace);
	}
}
