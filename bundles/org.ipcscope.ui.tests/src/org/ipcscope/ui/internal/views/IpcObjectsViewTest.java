package org.ipcscope.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.ipcscope.tests.support.Screenshots;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.views.properties.IPropertySource;
import org.ipcscope.core.change.Change;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.LiveRefresh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.ipcscope.tests.support.DisplayWaits;

/**
 * Opens the IPC Objects view in a real workbench while separate processes hold real objects,
 * and checks what the user sees: rows, filtering, grouping, change marks and properties.
 * Screenshots: target/screenshots/IpcObjectsViewTest-*.png
 */
class IpcObjectsViewTest {

	private static final long SIZE = 65_539;

	private IWorkbenchPage page;
	private IpcObjectsView view;

	@BeforeEach
	void openView() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IViewPart part = page.showView(IpcScopeViews.IPC_OBJECTS);
		view = (IpcObjectsView) part;
		page.getWorkbenchWindow().getShell().setSize(1100, 650);
		// the screenshots should show the rows, not the IDE around them
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
	}

	@AfterEach
	void closeView() {
		page.hideView(view);
	}

	@Test
	void showsASegmentOfAnotherProcessAndDropsItOnRefreshAfterRemoval() throws Exception {
		String name = "/ipcscope-ui-" + ProcessHandle.current().pid();
		try (HelperProcess helper = start("posix", name, Long.toString(SIZE))) {
			refreshAndWait();
			TreeItem item = waitForRow(name);
			assertEquals("POSIX shm", item.getText(1));
			assertEquals(SizeFormat.format(SIZE), item.getText(2));
			assertEquals("/dev/shm", item.getText(3));
			assertEquals("ipc_helper (" + helper.pid() + ")", item.getText(4));
			assertTrue(item.getParentItem().getText(0).startsWith("POSIX shm ("), item.getParentItem().getText(0));
			screenshot("segment-listed");

			assertEquals(0, helper.finish());
			refreshAndWait();
			TreeItem removed = waitForRow(name);
			assertEquals(Change.REMOVED, ((TrackedObject) removed.getData()).change(),
					"a removed object stays visible, marked, for a few refreshes");
			for (int i = 0; i < IpcObjectsView.MARKED_REFRESHES; i++) {
				refreshAndWait();
			}
			assertTrue(row(name).isEmpty(), "row for " + name + " still there after the mark expired");
		}
	}

	@Test
	void marksNewAndChangedObjects() throws Exception {
		String stays = "/ipcscope-stays-" + ProcessHandle.current().pid();
		String fresh = "/ipcscope-fresh-" + ProcessHandle.current().pid();
		try (HelperProcess first = start("posix", stays, "4096")) {
			// let every mark from the view's first look expire
			for (int i = 0; i <= IpcObjectsView.MARKED_REFRESHES; i++) {
				refreshAndWait();
			}
			waitForRow(stays);
			try (HelperProcess second = start("posix", fresh, "8192")) {
				refreshAndWait();
				TreeItem added = waitForRow(fresh);
				assertEquals(Change.ADDED, ((TrackedObject) added.getData()).change());
				Color background = added.getBackground(0);
				assertTrue(background.getGreen() > background.getRed(), "new rows are green: " + background);
				assertEquals(Change.UNCHANGED, ((TrackedObject) waitForRow(stays).getData()).change());
				assertTrue(view.getContentDescription().matches(".*: [1-9][0-9]* new, .*"), view.getContentDescription());
				screenshot("change-marks");
			}
		}
	}

	@Test
	void filtersAndGroupsByProcess() throws Exception {
		long self = ProcessHandle.current().pid();
		String wanted = "/ipcscope-wanted-" + self;
		String other = "/ipcscope-other-" + self;
		try (HelperProcess helper = start("posix", wanted, "4096", "posix", other, "4096", "fifo",
				"/tmp/ipcscope-ui-fifo-" + self)) {
			refreshAndWait();
			waitForRow(wanted);
			waitForRow(other);
			view.filterText().setText("wanted");
			// the other row was listed: its going is the filter at work
			waitUntil(() -> row(other).isEmpty(), "the filter to hide " + other);
			assertTrue(row(wanted).isPresent());
			screenshot("filtered");

			view.filterText().setText("-" + self);
			view.setGrouping(Grouping.PROCESS);
			waitUntil(() -> view.viewer().getTree().getItemCount() > 0
					&& view.viewer().getTree().getItem(0).getText(0).startsWith("ipc_helper ("), "the rows grouped by process");
			List<TreeItem> groups = List.of(view.viewer().getTree().getItems());
			assertEquals(1, groups.size(), "only the helper holds objects named after this test");
			assertEquals("ipc_helper (" + helper.pid() + ") (3)", groups.get(0).getText(0));
			screenshot("grouped-by-process");

			view.setGrouping(Grouping.KIND);
			view.filterText().setText("");
			view.viewer().setSelection(new StructuredSelection(waitForRow(wanted).getData()), true);
			IPropertySource properties = Adapters.adapt(waitForRow(wanted).getData(), IPropertySource.class);
			assertNotNull(properties, "no Properties view adapter for a row");
			assertEquals(wanted, properties.getPropertyValue("name"));
			assertEquals("mapped, rw-s", properties.getPropertyValue("owner.0"));

			view.revealOwnerProcesses();
			waitUntil(() -> view.grouping() == Grouping.PROCESS
					&& ((IStructuredSelection) view.viewer().getSelection()).getFirstElement() instanceof RowGroup,
					"the owner process selected in the process grouping");
			IStructuredSelection selection = (IStructuredSelection) view.viewer().getSelection();
			assertEquals(helper.pid(), ((RowGroup) selection.getFirstElement()).pid());
		}
	}

	/**
	 * A socket, which no editor opens, shows its facts: the peer in the Details column, the Properties
	 * view on double-click and on Alt+Enter; Ask Details is not offered where no probe can learn more.
	 */
	@Test
	void aSocketShowsItsPeerAndPropertiesAndNoAskDetails() throws Exception {
		String socket = "@ipcscope-ui-socket-" + ProcessHandle.current().pid();
		try (HelperProcess helper = start("unix", socket)) {
			refreshAndWait();
			TreeItem item = waitForRow(socket);
			assertTrue(item.getText(5).contains("Peer: "), "the Details column holds the peer: " + item.getText(5));
			hideProperties();
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
			view.viewer().setSelection(new StructuredSelection(item.getData()), true);
			Event doubleClick = new Event();
			doubleClick.item = item;
			view.viewer().getTree().notifyListeners(SWT.DefaultSelection, doubleClick);
			waitUntil(() -> page.findView(IPageLayout.ID_PROP_SHEET) != null, "the Properties view after a double-click");
			hideProperties();
			page.activate(view);
			IHandlerService handlers = view.getSite().getService(IHandlerService.class);
			handlers.executeCommand("org.eclipse.ui.file.properties", null);
			waitUntil(() -> page.findView(IPageLayout.ID_PROP_SHEET) != null, "the Properties view after Alt+Enter");
			page.activate(view);
			ICommandService commands = view.getSite().getService(ICommandService.class);
			// the view's handler is in charge once the view is active again: its enablement is the one asked
			waitUntil(() -> commands.getCommand("org.ipcscope.ui.commands.askDetails").isHandled(),
					"the view's Ask Details handler to be active");
			assertFalse(commands.getCommand("org.ipcscope.ui.commands.askDetails").isEnabled(),
					"Ask Details is offered on a row no probe can learn more of");
			screenshot("socket-properties");
		}
	}

	/**
	 * The view lists again by itself (live by default, at the preference's interval), and holds back
	 * while it is hidden: proven against a second live refresh on a visible view that keeps ticking.
	 */
	@Test
	void refreshesLiveByDefaultAndPausesWhileHidden() throws Exception {
		long self = ProcessHandle.current().pid();
		String first = "/ipcscope-live-" + self;
		String second = "/ipcscope-hidden-" + self;
		LiveRefresh.setIntervalMillis(250);
		LiveRefresh ticker = null;
		try (HelperProcess one = start("posix", first, "4096")) {
			assertTrue(view.liveRefresh().isOn(), "auto-refresh is on by default");
			waitForRow(first); // nobody asked for a refresh
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MINIMIZED);
			IViewPart visible = page.showView(IPageLayout.ID_PROP_SHEET);
			waitUntil(() -> view.liveRefresh().isPaused(), "the hidden view pauses");
			waitUntil(() -> Job.getJobManager().find(IpcObjectsView.refreshJobFamily()).length == 0, "no refresh under way");
			Instant last = view.shownSnapshot().taken();
			AtomicInteger ticks = new AtomicInteger();
			ticker = new LiveRefresh(visible, ticks::incrementAndGet);
			ticker.setOn(true);
			try (HelperProcess two = start("posix", second, "4096")) {
				waitUntil(() -> ticks.get() >= 4, "four ticks of a live refresh on a visible view");
				assertEquals(last, view.shownSnapshot().taken(), "the hidden view listed again");
				assertTrue(row(second).isEmpty());
				page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
				page.activate(view);
				waitForRow(second); // shown again: listed at once
				assertTrue(!view.liveRefresh().isPaused());
			}
		} finally {
			if (ticker != null) {
				ticker.dispose();
			}
			LiveRefresh.setIntervalMillis(2000);
		}
	}

	private void hideProperties() {
		IViewPart properties = page.findView(IPageLayout.ID_PROP_SHEET);
		if (properties != null) {
			page.hideView(properties);
		}
	}

	private static HelperProcess start(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(HelperProcess.helper("ipc_helper").toString());
		command.addAll(List.of(arguments));
		int objects = (int) command.stream().filter(a -> a.equals("posix") || a.equals("fifo") || a.equals("unix")).count();
		return HelperProcess.start(objects, command.toArray(String[]::new));
	}

	private void refreshAndWait() throws Exception {
		IHandlerService handlers = view.getSite().getService(IHandlerService.class);
		Instant asked = Instant.now();
		page.activate(view);
		IBindingService bindings = view.getSite().getService(IBindingService.class);
		KeySequence key = KeySequence.getInstance("F5");
		List<String> boundToF5 = java.util.Arrays.stream(bindings.getBindings())
				.filter(b -> key.equals(b.getTriggerSequence()) && b.getParameterizedCommand() != null
						&& "org.eclipse.ui.contexts.window".equals(b.getContextId()) && b.getPlatform() == null)
				.map(b -> b.getParameterizedCommand().getId()).distinct().toList();
		assertEquals(List.of("org.eclipse.ui.file.refresh"), boundToF5, "F5 in the window context");
		Binding f5 = bindings.getPerfectMatch(key);
		assertEquals("org.eclipse.ui.file.refresh", f5 == null ? null : f5.getParameterizedCommand().getId(),
				"F5 is bound once, to the platform's Refresh");
		handlers.executeCommand("org.eclipse.ui.file.refresh", null);
		waitUntil(() -> view.shownSnapshot() != null && !view.shownSnapshot().taken().isBefore(asked),
				"a refresh taken after the request");
	}

	private TreeItem waitForRow(String name) throws InterruptedException {
		waitUntil(() -> row(name).isPresent(), "row for " + name);
		return row(name).orElseThrow();
	}

	private Optional<TreeItem> row(String name) {
		for (TreeItem group : view.viewer().getTree().getItems()) {
			for (TreeItem item : group.getItems()) {
				if (item.getData() instanceof TrackedObject && item.getText(0).equals(name)) {
					return Optional.of(item);
				}
			}
		}
		return Optional.empty();
	}

	private void screenshot(String name) throws Exception {
		spin(300);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "IpcObjectsViewTest-" + name);
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.waitUntil(condition, what, Duration.ofSeconds(20));
	}

	private static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}
}
