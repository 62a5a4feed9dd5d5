package org.ipcscope.tests.probe.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.IViewDescriptor;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.process.ProcessViews;

/**
 * Works the product's main menu as a user does: opens each menu of the menu bar (an SWT show event,
 * which is when the workbench fills it), opens every view Window > Show View offers by selecting its
 * item, and reads Help > About. Reports {@code menu}, {@code showview} and {@code about} lines.
 */
final class MenuProbe {

	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private final Path screenshots;
	private static final String SNIFFER = "org.ipcscope.ui.sniff.views.copyData";

	MenuProbe(ProbeReport report, UiThread ui, IWorkbenchWindow window, Path screenshot) {
		this.report = report;
		this.ui = ui;
		this.window = window;
		this.screenshots = screenshot;
	}

	void run() throws TimeoutException, InterruptedException {
		ui.run(this::reportMenus);
		List<String> offered = ui.call(() -> labels(subMenu("Window", "Show View")));
		for (String label : offered) {
			if (!label.equals("Other...")) {
				showView(label);
			}
		}
		about();
		layout();
	}

	/**
	 * A region map (of this workbench's own process) with the sniffer open beside it: how many region
	 * rows the user sees, and a screenshot of the window.
	 */
	private void layout() throws TimeoutException, InterruptedException {
		long pid = ProcessHandle.current().pid();
		IViewPart map = ui.call(() -> {
			try {
				window.getActivePage().showView(SNIFFER);
				return ProcessViews.openRegionMap(window.getActivePage(), pid, "");
			} catch (PartInitException e) {
				throw new IllegalStateException(e);
			}
		});
		// the region table: its first column is the base address
		Table regions = ui.await("the region map's rows " + map.getTitle(), () -> Widgets.first(window.getShell(), Table.class,
				t -> t.isVisible() && t.getItemCount() > 0 && t.getColumnCount() > 0 && t.getColumn(0).getText().equals("Base")));
		// the heap in a hex editor below them: what the right column holds when a user works
		ui.run(() -> {
			for (int row = 0; row < regions.getItemCount(); row++) {
				if (regions.getItem(row).getText(4).contains("heap")) {
					Widgets.select(regions, row);
					regions.setFocus();
					IHandlerService handlers = map.getSite().getService(IHandlerService.class);
					try {
						handlers.executeCommand("org.ipcscope.ui.process.commands.openRegion", null);
					} catch (Exception e) {
						report.add("layout", "cannot open the heap", e);
					}
					return;
				}
			}
			report.add("layout", "no heap row");
		});
		ui.await("a hex editor", () -> window.getActivePage().getEditorReferences().length > 0 ? Boolean.TRUE : null);
		ui.settle(Duration.ofMillis(1500));
		ui.run(() -> {
			report.add("layout", "editors", window.getActivePage().getEditorReferences().length);
			int visible = (regions.getClientArea().height - regions.getHeaderHeight()) / regions.getItemHeight();
			report.add("layout", "region-rows-visible", visible, "of", regions.getItemCount());
			try {
				Path png = screenshots.resolveSibling(screenshots.getFileName().toString().replace(".png", "") + "-layout.png");
				WorkbenchScreenshot.save(window.getShell(), png);
				report.add("screenshot", png);
			} catch (Exception e) {
				report.add("layout", "no screenshot", e);
			}
		});
	}

	private void reportMenus() {
		for (MenuItem top : window.getShell().getMenuBar().getItems()) {
			Menu menu = top.getMenu();
			List<String> fields = new ArrayList<>();
			fields.add(plain(top.getText()));
			if (menu != null) {
				show(menu);
				for (MenuItem item : menu.getItems()) {
					if ((item.getStyle() & SWT.SEPARATOR) == 0) {
						fields.add(plain(item.getText()) + (item.isEnabled() ? "" : " (disabled)"));
					}
				}
				hide(menu);
			}
			report.add("menu", fields);
		}
	}

	/** Selects the item of Window > Show View labelled {@code label}, the view closed first where it can be. */
	private void showView(String label) throws TimeoutException, InterruptedException {
		String id = ui.call(() -> {
			IViewDescriptor view = null;
			for (IViewDescriptor candidate : PlatformUI.getWorkbench().getViewRegistry().getViews()) {
				if (candidate.getLabel().equals(label)) {
					view = candidate;
				}
			}
			if (view == null) {
				throw new IllegalStateException("Show View offers '" + label + "', which is no registered view");
			}
			IWorkbenchPage page = window.getActivePage();
			IViewReference open = page.findViewReference(view.getId());
			if (open != null && isCloseable(open)) {
				page.hideView(open);
			}
			report.add("showview", label, view.getId(), "before",
					page.findViewReference(view.getId()) == null ? "closed" : "open");
			Menu menu = subMenu("Window", "Show View");
			MenuItem item = null;
			for (MenuItem candidate : menu.getItems()) {
				if (plain(candidate.getText()).equals(label)) {
					item = candidate;
				}
			}
			item.notifyListeners(SWT.Selection, new Event());
			hide(menu);
			return view.getId();
		});
		IViewPart part = ui.await("the view " + id + " opened from Window > Show View",
				() -> window.getActivePage().findView(id));
		ui.run(() -> report.add("showview", label, id, "after", "open",
				window.getActivePage().getActivePart() == part ? "active" : "inactive"));
	}

	/** The perspective keeps the IPC Objects view: it cannot be closed. */
	private static boolean isCloseable(IViewReference view) {
		return !IpcScopeViews.IPC_OBJECTS.equals(view.getId());
	}

	/** Help > About: the dialog's texts, a screenshot, closed. */
	private void about() throws TimeoutException, InterruptedException {
		ui.run(() -> {
			Menu help = topMenu("Help");
			for (MenuItem item : help.getItems()) {
				if (plain(item.getText()).startsWith("About")) {
					// the dialog is modal: its event loop must not run inside this call
					window.getShell().getDisplay().asyncExec(() -> item.notifyListeners(SWT.Selection, new Event()));
				}
			}
			hide(help);
		});
		Shell dialog = ui.await("the About dialog", () -> {
			for (Shell shell : window.getShell().getShells()) {
				if (shell.isVisible() && shell.getText().startsWith("About")) {
					return shell;
				}
			}
			return null;
		});
		ui.settle(Duration.ofMillis(500));
		ui.run(() -> {
			List<String> texts = new ArrayList<>();
			collectTexts(dialog, texts);
			report.add("about", dialog.getText(), String.join(" | ", texts));
			try {
				Path png = screenshots.resolveSibling(screenshots.getFileName().toString().replace(".png", "") + "-about.png");
				WorkbenchScreenshot.save(dialog, png);
				report.add("screenshot", png);
			} catch (Exception e) {
				report.add("about", "no screenshot", e);
			}
			dialog.close();
		});
	}

	static void collectTexts(Control control, List<String> texts) {
		String text = control instanceof Label label ? label.getText()
				: control instanceof Text field ? field.getText()
						: control instanceof StyledText styled ? styled.getText() : null;
		if (text != null && !text.isBlank()) {
			texts.add(text.strip().replaceAll("\\s+", " "));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collectTexts(child, texts);
			}
		}
	}

	private Menu topMenu(String label) {
		for (MenuItem top : window.getShell().getMenuBar().getItems()) {
			if (plain(top.getText()).equals(label)) {
				show(top.getMenu());
				return top.getMenu();
			}
		}
		throw new IllegalStateException("The menu bar has no " + label + " menu");
	}

	private Menu subMenu(String top, String label) {
		Menu parent = topMenu(top);
		for (MenuItem item : parent.getItems()) {
			if (plain(item.getText()).equals(label) && item.getMenu() != null) {
				show(item.getMenu());
				return item.getMenu();
			}
		}
		throw new IllegalStateException("The " + top + " menu has no " + label + " submenu");
	}

	private static List<String> labels(Menu menu) {
		List<String> labels = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			if ((item.getStyle() & SWT.SEPARATOR) == 0) {
				labels.add(plain(item.getText()));
			}
		}
		return labels;
	}

	/** What the toolkit sends when a menu drops down: the workbench fills it then. */
	static void show(Menu menu) {
		menu.notifyListeners(SWT.Show, new Event());
	}

	static void hide(Menu menu) {
		menu.notifyListeners(SWT.Hide, new Event());
	}

	/** The label as a user reads it: no mnemonic marks, no accelerator. */
	static String plain(String text) {
		int tab = text.indexOf('\t');
		return (tab < 0 ? text : text.substring(0, tab)).replace("&", "");
	}
}
