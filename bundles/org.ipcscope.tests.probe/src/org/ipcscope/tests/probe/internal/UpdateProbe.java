package org.ipcscope.tests.probe.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Help > Check for Updates as a user works it: selects the menu item, reports the dialogs p2 opens
 * (the updates offered, or why there are none), accepts the licence, finishes the wizard and answers
 * the restart question with "not now" (the script starts the product again). Reports {@code update}
 * lines; {@code update\tinstalled\tVERSION} is the running org.ipcscope.core, before anything.
 */
final class UpdateProbe {

	/** The answers that end Check for Updates: the restart question, a message that there is nothing or an error. */
	private static final List<String> DONE = List.of("Not Now", "No", "Restart Later", "Apply Changes Later", "OK", "Close");

	/** Wizard pages, progress and questions together: far more than Check for Updates shows. */
	private static final int STEPS = 60;

	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private final Path screenshot;

	/** @param screenshot where the dialog that offers updates is saved as a PNG */
	UpdateProbe(ProbeReport report, UiThread ui, IWorkbenchWindow window, Path screenshot) {
		this.report = report;
		this.ui = ui;
		this.window = window;
		this.screenshot = screenshot;
	}

	void run() throws TimeoutException, InterruptedException {
		report.add("update", "installed", runningVersion("org.ipcscope.core"));
		ui.run(() -> {
			ProvisioningUI p2 = ProvisioningUI.getDefaultUI();
			URI[] sites = p2.getRepositoryTracker().getKnownRepositories(p2.getSession());
			Arrays.stream(sites).forEach(site -> report.add("update", "site", site));
		});
		if (!checkForUpdates()) {
			return;
		}
		// the wizard's pages, then the restart question: each a dialog over the workbench window
		for (int step = 0; step < STEPS; step++) {
			Shell dialog = ui.await("a dialog of Check for Updates", this::dialog);
			ui.settle(Duration.ofMillis(300));
			String answer = ui.call(() -> answer(dialog));
			if (answer.equals("done")) {
				return;
			}
			// the dialog changes page, closes or is replaced: wait until it is not what it was
			String before = answer;
			ui.await("the dialog to move on from " + before, () -> dialog.isDisposed() || !dialog.isVisible()
					|| !before.equals(state(dialog)) ? Boolean.TRUE : null);
		}
		throw new IllegalStateException("Check for Updates did not end within " + STEPS + " dialog states");
	}

	/** Selects Help > Check for Updates; false when the menu has no such item (reported). */
	private boolean checkForUpdates() {
		return ui.call(() -> {
			Menu help = null;
			for (MenuItem top : window.getShell().getMenuBar().getItems()) {
				if (MenuProbe.plain(top.getText()).equals("Help")) {
					help = top.getMenu();
				}
			}
			MenuProbe.show(help);
			MenuItem check = null;
			for (MenuItem item : help.getItems()) {
				if (MenuProbe.plain(item.getText()).equals("Check for Updates")) {
					check = item;
				}
			}
			MenuProbe.hide(help);
			if (check == null || !check.isEnabled()) {
				report.add("update", "menu", check == null ? "missing" : "disabled");
				return false;
			}
			report.add("update", "menu", "Check for Updates");
			MenuItem selected = check;
			// the wizard is modal: its event loop must not run inside this call
			window.getShell().getDisplay().asyncExec(() -> selected.notifyListeners(SWT.Selection, new Event()));
			return true;
		});
	}

	/**
	 * The topmost modal dialog: p2 may parent its dialogs to no shell at all, and the workbench has
	 * other shells (progress and tool tip pop-ups) that are not modal.
	 */
	private Shell dialog() {
		Shell[] shells = window.getShell().getDisplay().getShells();
		for (int i = shells.length - 1; i >= 0; i--) {
			Shell shell = shells[i];
			if (shell != window.getShell() && !shell.isDisposed() && shell.isVisible()
					&& (shell.getStyle() & (SWT.APPLICATION_MODAL | SWT.PRIMARY_MODAL | SWT.SYSTEM_MODAL)) != 0
					&& Widgets.first(shell, Button.class, b -> true) != null) {
				return shell;
			}
		}
		return null;
	}

	/** The dialog's title, texts and enabled buttons: what changes when it moves on. */
	private static String state(Shell dialog) {
		if (dialog.isDisposed()) {
			return "";
		}
		List<String> texts = new ArrayList<>();
		MenuProbe.collectTexts(dialog, texts);
		return dialog.getText() + texts + buttons(dialog);
	}

	private static List<String> buttons(Shell dialog) {
		return Widgets.all(dialog, Button.class, b -> b.isVisible() && b.isEnabled() && (b.getStyle() & SWT.PUSH) != 0)
				.stream().map(b -> MenuProbe.plain(b.getText())).toList();
	}

	/**
	 * Reports the dialog and does what a user installing the update does.
	 *
	 * @return "done" when Check for Updates has ended, else the dialog's state before the click
	 */
	private String answer(Shell dialog) {
		String state = state(dialog);
		List<String> texts = new ArrayList<>();
		MenuProbe.collectTexts(dialog, texts);
		List<String> buttons = buttons(dialog);
		report.add("update", "dialog", dialog.getText(), String.join(" | ", texts), "buttons=" + buttons);
		Tree tree = Widgets.first(dialog, Tree.class, t -> t.getItemCount() > 0);
		if (tree != null) {
			for (TreeItem item : tree.getItems()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(1, tree.getColumnCount()); i++) {
					cells.add(item.getText(i));
				}
				report.add("update", "offered", cells);
			}
			try {
				report.add("screenshot", screenshot, WorkbenchScreenshot.save(dialog, screenshot));
			} catch (Exception e) {
				report.add("update", "no screenshot", e);
			}
		}
		Button accept = Widgets.first(dialog, Button.class, b -> (b.getStyle() & SWT.RADIO) != 0
				&& MenuProbe.plain(b.getText()).startsWith("I accept"));
		if (accept != null && !accept.getSelection()) {
			Widgets.click(accept);
			report.add("update", "licence", "accepted");
			return state;
		}
		// p2 asks before it installs unsigned content: trust it, as the user who asked for the update does
		if (buttons.stream().anyMatch(b -> b.startsWith("Trust"))) {
			for (Table table : Widgets.all(dialog, Table.class, t -> (t.getStyle() & SWT.CHECK) != 0)) {
				for (TableItem item : table.getItems()) {
					check(table, item);
				}
			}
			for (Tree checks : Widgets.all(dialog, Tree.class, t -> (t.getStyle() & SWT.CHECK) != 0)) {
				for (TreeItem item : checks.getItems()) {
					check(checks, item);
				}
			}
		}
		for (String next : List.of("Trust Selected", "Trust All", "Finish", "Next >", "Not Now", "No", "Restart Later",
				"Apply Changes Later", "OK", "Close")) {
			Button button = Widgets.first(dialog, Button.class, b -> b.isVisible() && b.isEnabled()
					&& (b.getStyle() & SWT.PUSH) != 0 && MenuProbe.plain(b.getText()).equals(next));
			if (button != null) {
				report.add("update", "pressed", next);
				// a wizard's Finish runs the install job; the restart question is modal
				dialog.getDisplay().asyncExec(() -> {
					if (!button.isDisposed()) {
						button.notifyListeners(SWT.Selection, new Event());
					}
				});
				return DONE.contains(next) ? "done" : state;
			}
		}
		// a progress dialog ("Contacting Software Sites", "Updating Software"): it moves on by itself
		return state;
	}

	/** What checking a row's box does: the box set, the listeners told with CHECK as the detail. */
	private static void check(Control list, Item item) {
		if (item instanceof TableItem row) {
			row.setChecked(true);
		} else if (item instanceof TreeItem row) {
			row.setChecked(true);
		}
		Event event = new Event();
		event.item = item;
		event.detail = SWT.CHECK;
		list.notifyListeners(SWT.Selection, event);
	}

	private static String runningVersion(String symbolicName) {
		for (Bundle bundle : FrameworkUtil.getBundle(UpdateProbe.class).getBundleContext().getBundles()) {
			if (bundle.getSymbolicName().equals(symbolicName)) {
				return bundle.getVersion().toString();
			}
		}
		return "none";
	}
}
