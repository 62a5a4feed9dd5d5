package org.ipcscope.tests.probe.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Help > Check for Updates as a user works it: selects the menu item, then goes through the wizard
 * p2 opens page by page (each reported and saved as a PNG), accepts the licence, finishes, trusts the
 * unsigned content and answers the restart question with Restart Now. Or, when p2 finds nothing, reports
 * its message. Reports {@code update} lines; {@code update\tinstalled\tVERSION} is the running
 * org.ipcscope.core, before anything.
 */
final class UpdateProbe {

	/** What p2 does after Finish (download, install) before it asks to restart. */
	private static final Duration INSTALL = Duration.ofMinutes(4);

	/** Wizard pages: far more than Check for Updates shows. */
	private static final int PAGES = 10;

	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private final Path screenshots;
	private final Path reportFile;
	private int shots;

	/**
	 * @param screenshot the run's screenshot: each wizard page and dialog goes beside it, numbered
	 * @param reportFile written after every step, so that a run killed on its time-out still shows how far it got
	 */
	UpdateProbe(ProbeReport report, UiThread ui, IWorkbenchWindow window, Path screenshot, Path reportFile) {
		this.report = report;
		this.ui = ui;
		this.window = window;
		this.screenshots = screenshot;
		this.reportFile = reportFile;
	}

	/**
	 * @return the last click (the restart, which ends this JVM), for after the report is written; or
	 *         {@code null} when Check for Updates ended without one
	 */
	Runnable run() throws TimeoutException, InterruptedException {
		report.add("update", "installed", runningVersion("org.ipcscope.core"));
		ui.run(() -> {
			ProvisioningUI p2 = ProvisioningUI.getDefaultUI();
			URI[] sites = p2.getRepositoryTracker().getKnownRepositories(p2.getSession());
			Arrays.stream(sites).forEach(site -> report.add("update", "site", site));
		});
		if (!checkForUpdates()) {
			return null;
		}
		// p2 first contacts the sites (a progress dialog), then opens its wizard or says why not
		Shell first = ui.await("the wizard of Check for Updates or p2's message", this::answerDialog);
		WizardDialog wizard = ui.call(() -> first.getData() instanceof WizardDialog w ? w : null);
		if (wizard == null) {
			// "No updates were found", or an error: reported, closed
			saveDialog(first, "message");
			ui.run(() -> press(first, List.of("OK", "Close")));
			return null;
		}
		workWizard(wizard);
		// the install runs as a job: p2 may ask to trust unsigned content, then asks to restart
		Duration deadline = INSTALL;
		while (true) {
			Shell dialog = ui.await("p2's question after Finish", deadline, this::answerDialog);
			saveDialog(dialog, "after-finish");
			List<String> buttons = ui.call(() -> buttons(dialog));
			if (ui.call(() -> Widgets.first(dialog, Button.class, b -> MenuProbe.plain(b.getText()).equals("Trust Selected")) != null)) {
				trust(dialog);
				ui.await("the trust dialog to close", () -> dialog.isDisposed() || !dialog.isVisible() ? Boolean.TRUE : null);
				continue;
			}
			if (buttons.contains("Restart Now")) {
				ui.run(() -> new WorkbenchFacts(window.getWorkbench(), report)
						.bundles(FrameworkUtil.getBundle(getClass()).getBundleContext()));
				report.add("update", "pressed", "Restart Now");
				return () -> ui.run(() -> press(dialog, List.of("Restart Now")));
			}
			throw new IllegalStateException("After Finish p2 showed '" + ui.call(dialog::getText) + "' with " + buttons
					+ ", not the question to restart");
		}
	}

	/** The wizard's pages in turn: Next > while there is one, then Finish. */
	private void workWizard(WizardDialog wizard) throws TimeoutException, InterruptedException {
		Shell shell = ui.call(wizard::getShell);
		for (int pages = 0; pages < PAGES; pages++) {
			// while p2 resolves (in the wizard's own progress part) Next and Finish are off
			IWizardPage page = ui.await("the wizard to be ready",
					() -> ready(shell) || licence(shell) != null ? wizard.getCurrentPage() : null);
			ui.settle(Duration.ofMillis(300));
			String name = ui.call(() -> describe(shell, page));
			saveDialog(shell, name);
			String error = ui.call(page::getErrorMessage);
			if (error != null) {
				throw new IllegalStateException("The wizard's page '" + name + "' says: " + error);
			}
			Button accept = ui.call(() -> licence(shell));
			if (accept != null) {
				ui.run(() -> Widgets.click(accept));
				report.add("update", "licence", "accepted");
				ui.await("the licence page to let the wizard on", () -> enabled(shell, "Next >") || enabled(shell, "Finish")
						? Boolean.TRUE : null);
				saveDialog(shell, name + "-accepted");
			}
			if (ui.call(() -> enabled(shell, "Next >"))) {
				ui.run(() -> press(shell, List.of("Next >")));
				// a page of its own, or the same page with an error: resolution found a problem
				ui.await("the wizard to leave page '" + name + "'", () -> shell.isDisposed()
						|| wizard.getCurrentPage() != page || (ready(shell) && page.getErrorMessage() != null)
								? Boolean.TRUE : null);
				continue;
			}
			if (ui.call(() -> enabled(shell, "Finish"))) {
				ui.run(() -> press(shell, List.of("Finish")));
				ui.await("the wizard to close after Finish", () -> shell.isDisposed() || !shell.isVisible() ? Boolean.TRUE : null);
				return;
			}
			throw new IllegalStateException("The wizard's page '" + name + "' offers neither Next > nor Finish");
		}
		throw new IllegalStateException("The wizard did not finish within " + PAGES + " pages");
	}

	/** Reports the current page: its name, title, message, buttons and the updates in its tree; returns its name. */
	private String describe(Shell shell, IWizardPage page) {
		List<String> texts = new ArrayList<>();
		MenuProbe.collectTexts(page.getControl(), texts);
		report.add("update", "page", page.getName(), page.getTitle(), String.valueOf(page.getDescription()),
				String.valueOf(page.getMessage()), "buttons=" + buttons(shell), String.join(" | ", texts));
		Tree tree = Widgets.first(page.getControl(), Tree.class, t -> t.isVisible() && t.getItemCount() > 0);
		if (tree != null) {
			for (TreeItem item : tree.getItems()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(1, tree.getColumnCount()); i++) {
					cells.add(item.getText(i));
				}
				List<String> line = new ArrayList<>(List.of("offered"));
				line.addAll(cells);
				report.add("update", line);
			}
		}
		return page.getName().replaceAll("[^A-Za-z0-9]+", "-");
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
	 * The topmost modal dialog that waits for an answer: not a progress dialog ("Contacting Software
	 * Sites"), which moves on by itself. p2 may parent its dialogs to no shell at all.
	 */
	private Shell answerDialog() {
		Shell[] shells = window.getShell().getDisplay().getShells();
		for (int i = shells.length - 1; i >= 0; i--) {
			Shell shell = shells[i];
			if (shell != window.getShell() && !shell.isDisposed() && shell.isVisible()
					&& (shell.getStyle() & (SWT.APPLICATION_MODAL | SWT.PRIMARY_MODAL | SWT.SYSTEM_MODAL)) != 0
					&& !(shell.getData() instanceof ProgressMonitorDialog)
					&& Widgets.first(shell, Button.class, b -> true) != null) {
				return shell;
			}
		}
		return null;
	}

	/** The licence page's "I accept" while it is not chosen, or {@code null}. */
	private static Button licence(Shell shell) {
		return shell.isDisposed() ? null : Widgets.first(shell, Button.class, b -> b.isVisible() && b.isEnabled()
				&& (b.getStyle() & SWT.RADIO) != 0 && !b.getSelection() && MenuProbe.plain(b.getText()).startsWith("I accept"));
	}

	/** The wizard runs no resolution: Next > or Finish can be pressed, or it closed. */
	private static boolean ready(Shell shell) {
		return shell.isDisposed() || enabled(shell, "Next >") || enabled(shell, "Finish");
	}

	private static boolean enabled(Shell shell, String label) {
		return !shell.isDisposed() && buttons(shell).contains(label);
	}

	private static List<String> buttons(Shell dialog) {
		return Widgets.all(dialog, Button.class, b -> b.isVisible() && b.isEnabled() && (b.getStyle() & SWT.PUSH) != 0)
				.stream().map(b -> MenuProbe.plain(b.getText())).toList();
	}

	/** Reports the dialog, saves it as the next numbered PNG beside the run's screenshot, and the report so far. */
	private void saveDialog(Shell dialog, String what) {
		Path png = screenshots.resolveSibling(
				screenshots.getFileName().toString().replace(".png", "") + "-" + (++shots) + "-" + what + ".png");
		ui.run(() -> {
			if (dialog.isDisposed()) {
				return;
			}
			List<String> texts = new ArrayList<>();
			// a wizard's texts are its pages', hidden ones included: its page line has the current one's
			if (!(dialog.getData() instanceof WizardDialog)) {
				MenuProbe.collectTexts(dialog, texts);
			}
			// "No updates found." is a link's text, with "available software sites" as its link
			Widgets.all(dialog, Link.class, l -> l.isVisible() && !l.getText().isBlank())
					.forEach(l -> texts.add(l.getText().replaceAll("(?i)</?a[^>]*>", "").strip().replaceAll("\\s+", " ")));
			report.add("update", "dialog", dialog.getText(), String.join(" | ", texts), "buttons=" + buttons(dialog));
			try {
				report.add("screenshot", png, WorkbenchScreenshot.save(dialog, png));
			} catch (Exception e) {
				report.add("update", "no screenshot", png, e);
			}
		});
		try {
			report.writeTo(reportFile);
		} catch (Exception e) {
			report.add("update", "report not written", e);
		}
	}

	/** Presses the first of {@code labels} that the dialog offers enabled, after this call (its listeners may open a modal loop). */
	private void press(Shell dialog, List<String> labels) {
		for (String label : labels) {
			Button button = Widgets.first(dialog, Button.class, b -> b.isVisible() && b.isEnabled()
					&& (b.getStyle() & SWT.PUSH) != 0 && MenuProbe.plain(b.getText()).equals(label));
			if (button != null) {
				report.add("update", "pressed", label);
				dialog.getDisplay().asyncExec(() -> {
					if (!button.isDisposed()) {
						button.notifyListeners(SWT.Selection, new Event());
					}
				});
				return;
			}
		}
		throw new IllegalStateException("'" + dialog.getText() + "' offers none of " + labels + ": " + buttons(dialog));
	}

	/**
	 * p2 asks before it installs unsigned content: Select All, then Trust Selected, as the user who
	 * asked for the update does (Trust Selected is off while nothing is selected).
	 */
	private void trust(Shell dialog) throws TimeoutException, InterruptedException {
		if (ui.call(() -> !enabled(dialog, "Trust Selected") && enabled(dialog, "Select All"))) {
			ui.run(() -> Widgets.click(Widgets.first(dialog, Button.class, b -> b.isVisible() && b.isEnabled()
					&& MenuProbe.plain(b.getText()).equals("Select All"))));
			report.add("update", "pressed", "Select All");
		}
		ui.await("Trust Selected to be enabled", () -> enabled(dialog, "Trust Selected") ? Boolean.TRUE : null);
		saveDialog(dialog, "trust-selected");
		ui.run(() -> press(dialog, List.of("Trust Selected")));
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
