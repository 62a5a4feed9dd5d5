package org.ipcscope.tests.probe.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.internal.views.IpcObjectsView;
import org.osgi.framework.FrameworkUtil;

/**
 * The probe's steps, in its own thread: each touch of the workbench happens in the UI thread. Whatever
 * happens, the report is written and the workbench closed, so the script never waits for nothing.
 */
final class ProbeRun implements Runnable {

	private static final String VIEW_ID = IpcScopeViews.IPC_OBJECTS;

	private final ProbeSettings settings;
	private final ProbeReport report = new ProbeReport();

	ProbeRun(ProbeSettings settings) {
		this.settings = settings;
	}

	@Override
	public void run() {
		report.add("probe", "started", Instant.now());
		IWorkbench workbench = PlatformUI.getWorkbench();
		UiThread ui = new UiThread(workbench.getDisplay(), settings.timeout());
		Runnable last = null;
		try {
			last = probe(workbench, ui);
			report.add("probe", "done", Instant.now());
		} catch (Throwable failure) {
			report.error(failure);
		} finally {
			try {
				report.writeTo(settings.report());
			} catch (Exception e) {
				e.printStackTrace();
			}
			// the last step (Check for Updates' restart) ends the workbench itself, after the report is out
			if (last != null) {
				last.run();
			} else {
				workbench.getDisplay().asyncExec(workbench::close);
			}
		}
	}

	/** @return the step that ends the workbench, or {@code null}: the probe then closes it */
	private Runnable probe(IWorkbench workbench, UiThread ui) throws Exception {
		IWorkbenchWindow window = ui.await("a workbench window with a page", () -> windowWithPage(workbench));
		ui.run(() -> {
			report.add("window", window.getShell().getText(), "perspective=" + perspectiveId(window.getActivePage()));
			new WorkbenchFacts(workbench, report).viewOffers(VIEW_ID);
		});
		if (settings.update()) {
			// Check for Updates needs no list of objects: on a busy machine the first list can take long
			Runnable restart = new UpdateProbe(report, ui, window, settings.screenshot(), settings.report()).run();
			if (restart == null) {
				ui.run(() -> new WorkbenchFacts(workbench, report)
						.bundles(FrameworkUtil.getBundle(getClass()).getBundleContext()));
			}
			return restart;
		}
		IpcObjectsView view = settings.showView() ? openWithShowViewCommand(window, ui) : openedByPerspective(window, ui);
		ui.await("the view's first list", () -> listShown(view) ? Boolean.TRUE : null);
		ui.run(() -> reportRows(view));
		// after the view showed its list, so lazy bundles that did their work are active
		ui.run(() -> new WorkbenchFacts(workbench, report)
				.bundles(FrameworkUtil.getBundle(getClass()).getBundleContext()));
		ui.run(() -> {
			Shell shell = window.getShell();
			shell.setBounds(0, 0, 1200, 800);
			shell.forceActive();
			window.getActivePage().activate(view);
		});
		ui.settle(Duration.ofMillis(1500));
		Rectangle shot = ui.call(() -> {
			try {
				return WorkbenchScreenshot.save(window.getShell(), settings.screenshot());
			} catch (Exception e) {
				throw new IllegalStateException("Cannot save " + settings.screenshot(), e);
			}
		});
		report.add("screenshot", settings.screenshot(), shot.width + "x" + shot.height,
				"window=" + ui.call(() -> window.getShell().getBounds()));
		if (settings.copyDataHelper() != null) {
			new SnifferProbe(settings, report, ui, window).run();
		}
		if (settings.regMsgHelper() != null) {
			new RegMsgProbe(settings, report, ui, window).run();
		}
		if (settings.clipboardHelper() != null) {
			new ClipboardProbe(settings, report, ui, window).run();
		}
		if (settings.trafficHelper() != null) {
			new TrafficProbe(settings, report, ui, window).run();
		}
		if (settings.launchHelper() != null) {
			new DebugLaunchProbe(report, ui, window, settings.launchHelper(), settings.screenshot()).run();
		}
		if (settings.menus()) {
			new MenuProbe(report, ui, window, settings.screenshot()).run();
		}
		return null;
	}

	private static IWorkbenchWindow windowWithPage(IWorkbench workbench) {
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			// without a window manager no window need ever become active
			window = workbench.getWorkbenchWindows()[0];
		}
		return window != null && window.getActivePage() != null ? window : null;
	}

	/** What Window > Show View > IPC Objects does: the showView command with the view's id. */
	private IpcObjectsView openWithShowViewCommand(IWorkbenchWindow window, UiThread ui) {
		return ipcObjectsView(showView(window, ui, report, VIEW_ID, "view"));
	}

	/**
	 * What Window > Show View does: the showView command with the view's id.
	 *
	 * @param key the report lines' first field
	 * @return the view the page then has, or {@code null}
	 */
	static IViewPart showView(IWorkbenchWindow window, UiThread ui, ProbeReport report, String viewId, String key) {
		return ui.call(() -> {
			IWorkbenchPage page = window.getActivePage();
			report.add(key, "before", page.findView(viewId) == null ? "closed" : "open");
			ICommandService commands = window.getService(ICommandService.class);
			IHandlerService handlers = window.getService(IHandlerService.class);
			Command showView = commands.getCommand(IWorkbenchCommandConstants.VIEWS_SHOW_VIEW);
			ParameterizedCommand call = ParameterizedCommand.generateCommand(showView,
					Map.of(IWorkbenchCommandConstants.VIEWS_SHOW_VIEW_PARM_ID, viewId));
			try {
				handlers.executeCommand(call, null);
			} catch (Exception e) {
				throw new IllegalStateException("The command " + call.getId() + " failed", e);
			}
			IViewPart part = page.findView(viewId);
			report.add(key, "after", part == null ? "closed" : "open", "opened-by=" + call.serialize());
			return part;
		});
	}

	private IpcObjectsView openedByPerspective(IWorkbenchWindow window, UiThread ui) {
		return ui.call(() -> {
			IViewPart part = window.getActivePage().findView(VIEW_ID);
			report.add("view", "at-start", part == null ? "closed" : "open",
					"perspective=" + perspectiveId(window.getActivePage()));
			return ipcObjectsView(part);
		});
	}

	private static IpcObjectsView ipcObjectsView(IViewPart part) {
		if (part instanceof IpcObjectsView view) {
			return view;
		}
		throw new IllegalStateException("No IPC Objects view is open, found " + part);
	}

	/** A list on screen and no refresh under way (an auto-refresh waiting for its turn sleeps). */
	private static boolean listShown(IpcObjectsView view) {
		return view.shownSnapshot() != null && Arrays.stream(Job.getJobManager().find(IpcObjectsView.refreshJobFamily()))
				.allMatch(job -> job.getState() == Job.SLEEPING);
	}

	private void reportRows(IpcObjectsView view) {
		report.add("description", view.getContentDescription());
		InventorySnapshot snapshot = view.shownSnapshot();
		report.add("snapshot", "objects=" + snapshot.objects().size(), "problems=" + snapshot.problems().size());
		snapshot.problems().forEach(problem -> report.add("problem", problem));
		for (IpcObject object : snapshot.objects()) {
			report.add("object", object.kind().id(), object.name(), object.size(), object.namespace());
		}
		Tree tree = view.viewer().getTree();
		List<String> headers = new ArrayList<>();
		for (TreeColumn column : tree.getColumns()) {
			headers.add(column.getText());
		}
		report.add("columns", headers);
		// the tree groups the objects: a group item per kind (or process), the objects below it
		int rows = 0;
		for (TreeItem group : tree.getItems()) {
			report.add("group", group.getText(0), "expanded=" + group.getExpanded());
			for (TreeItem item : group.getItems()) {
				report.add("row", cells(item, headers.size()));
				rows++;
			}
		}
		report.add("groups", tree.getItemCount());
		report.add("rows", rows);
	}

	private static List<String> cells(TreeItem item, int columns) {
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < columns; i++) {
			cells.add(item.getText(i));
		}
		return cells;
	}

	private static String perspectiveId(IWorkbenchPage page) {
		return page == null || page.getPerspective() == null ? "none" : page.getPerspective().getId();
	}
}
