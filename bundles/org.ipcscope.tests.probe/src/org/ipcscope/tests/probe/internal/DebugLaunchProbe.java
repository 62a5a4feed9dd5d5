package org.ipcscope.tests.probe.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.IHandlerService;
import org.ipcscope.ui.process.ProcessViews;

/**
 * The IDE beside the debugger, as a user works it: a native helper started through a real launch
 * (External Tools' "Program" type), its process selected in the Debug view, Inspect Memory from
 * there, the region map it opens searched for the helper's marker through the Search dialog.
 * Reports {@code launch}, {@code inspect} and {@code search} lines. Needs the debug bundles, which
 * the IDE has and the product has not: used only when {@code ipcscope.probe.launchHelper} is set.
 */
final class DebugLaunchProbe {

	private static final String PROGRAM_TYPE = "org.eclipse.ui.externaltools.ProgramLaunchConfigurationType";
	private static final String ATTR_LOCATION = "org.eclipse.ui.externaltools.ATTR_LOCATION";
	private static final String ATTR_ARGUMENTS = "org.eclipse.ui.externaltools.ATTR_TOOL_ARGUMENTS";
	/** Without it the Program launch waits in the launching thread until the program ends. */
	private static final String ATTR_IN_BACKGROUND = "org.eclipse.debug.ui.ATTR_LAUNCH_IN_BACKGROUND";
	private static final String DEBUG_VIEW = "org.eclipse.debug.ui.DebugView";
	private static final String INSPECT_MEMORY = "org.ipcscope.ui.debug.inspectMemory";
	private static final String SEARCH = "org.ipcscope.ui.process.commands.search";

	private final ProbeReport report;
	private final UiThread ui;
	private final IWorkbenchWindow window;
	private final Path helper;
	private final Path screenshot;

	DebugLaunchProbe(ProbeReport report, UiThread ui, IWorkbenchWindow window, Path helper, Path screenshot) {
		this.report = report;
		this.ui = ui;
		this.window = window;
		this.helper = helper;
		this.screenshot = screenshot;
	}

	void run() throws CoreException, TimeoutException, InterruptedException {
		String marker = "IPCSCOPE-LAUNCHED-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = launches.getLaunchConfigurationType(PROGRAM_TYPE);
		report.add("launch", "type", type == null ? "missing" : type.getName());
		if (type == null) {
			return;
		}
		ILaunchConfigurationWorkingCopy configuration = type.newInstance(null, "ipc_helper marker");
		configuration.setAttribute(ATTR_LOCATION, helper.toString());
		configuration.setAttribute(ATTR_ARGUMENTS, "marker " + marker);
		configuration.setAttribute(ATTR_IN_BACKGROUND, true);
		ILaunch launch = configuration.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
		try {
			IProcess process = ui.await("the launch's process", () -> launch.getProcesses().length > 0 ? launch.getProcesses()[0] : null);
			String pid = ui.await("the process's pid", () -> process.getAttribute(IProcess.ATTR_PROCESS_ID));
			Pattern ready = Pattern.compile("READY marker (0x[0-9a-f]+)");
			String address = ui.await("the helper's READY line", () -> {
				Matcher found = ready.matcher(process.getStreamsProxy().getOutputStreamMonitor().getContents());
				return found.find() ? found.group(1) : null;
			});
			report.add("launch", "process", pid, "marker-at", address);
			inspect(process, pid);
			search(pid, marker, Long.decode(address));
		} finally {
			launch.terminate();
		}
	}

	/** The process selected in the Debug view, then Inspect Memory, as its context menu runs it. */
	private void inspect(IProcess process, String pid) throws TimeoutException, InterruptedException {
		IViewPart debug = ui.call(() -> {
			try {
				return window.getActivePage().showView(DEBUG_VIEW);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		// the view's tree fills in the background: select until it holds the process
		ui.await("the process selected in the Debug view", () -> {
			debug.getSite().getSelectionProvider().setSelection(new StructuredSelection(process));
			return debug.getSite().getSelectionProvider().getSelection() instanceof StructuredSelection selection
					&& selection.getFirstElement() == process ? Boolean.TRUE : null;
		});
		ui.run(() -> {
			window.getActivePage().activate(debug);
			try {
				debug.getSite().getService(IHandlerService.class).executeCommand(INSPECT_MEMORY, null);
				report.add("inspect", "executed", INSPECT_MEMORY);
			} catch (Exception e) {
				report.add("inspect", "failed", e);
			}
		});
		IViewPart map = ui.await("the region map of process " + pid, () -> findRegionMap(pid));
		report.add("inspect", "region-map", pid, ui.call(map::getTitle));
	}

	private IViewPart findRegionMap(String pid) {
		IWorkbenchPage page = window.getActivePage();
		var reference = page.findViewReference(ProcessViews.REGION_MAP_VIEW_ID, pid);
		return reference == null ? null : reference.getView(false);
	}

	/** Search... in the region map's tool bar, the marker typed as text, until the matches list it. */
	private void search(String pid, String marker, long address) throws TimeoutException, InterruptedException {
		ui.run(() -> {
			IViewPart map = findRegionMap(pid);
			window.getActivePage().activate(map);
			// the dialog is modal: its event loop must not run inside this call
			window.getShell().getDisplay().asyncExec(() -> {
				try {
					map.getSite().getService(IHandlerService.class).executeCommand(SEARCH, null);
				} catch (Exception e) {
					report.add("search", "failed", e);
				}
			});
		});
		Shell dialog = ui.await("the Search dialog", () -> {
			for (Shell shell : window.getShell().getShells()) {
				if (shell.isVisible() && shell.getText().equals("Search Process Memory")) {
					return shell;
				}
			}
			return null;
		});
		ui.run(() -> {
			Combo kind = Widgets.first(dialog, Combo.class, c -> true);
			kind.select(0); // Text (UTF-8)
			kind.notifyListeners(SWT.Selection, new Event());
			Widgets.first(dialog, Text.class, t -> true).setText(marker);
			Button search = Widgets.first(dialog, Button.class, b -> b.getText().replace("&", "").equals("Search"));
			report.add("search", "asked", marker, "enabled=" + search.isEnabled());
			Widgets.click(search);
		});
		String hit = ui.await("the marker among the matches", () -> {
			Table matches = Widgets.first(window.getShell(), Table.class, t -> t.isVisible() && t.getColumnCount() > 0
					&& t.getColumn(0).getText().equals("Address") && t.getItemCount() > 0);
			if (matches == null) {
				return null;
			}
			for (TableItem item : matches.getItems()) {
				if (Long.decode(item.getText(0).strip()) == address) {
					return item.getText(0);
				}
			}
			return null;
		});
		report.add("search", "hit", hit);
		ui.settle(Duration.ofMillis(800));
		ui.run(() -> {
			try {
				Path png = screenshot.resolveSibling(screenshot.getFileName().toString().replace(".png", "") + "-inspect.png");
				WorkbenchScreenshot.save(window.getShell(), png);
				report.add("screenshot", png);
			} catch (Exception e) {
				report.add("search", "no screenshot", e);
			}
		});
	}
}
