package org.ipcscope.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.ui.IpcScopeViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opens the IPC Objects view in a real workbench while a separate process holds a POSIX
 * segment, and checks the row the user would see.
 */
class IpcObjectsViewTest {

	private static final long SIZE = 65_539;

	private IWorkbenchPage page;
	private IViewPart part;

	@AfterEach
	void closeView() {
		if (part != null) {
			page.hideView(part);
		}
	}

	@Test
	void showsASegmentOfAnotherProcessAndDropsItOnRefreshAfterRemoval() throws Exception {
		String name = "/ipcscope-ui-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "posix",
				name, Long.toString(SIZE))) {
			page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			part = page.showView(IpcScopeViews.IPC_OBJECTS);
			IpcObjectsView view = (IpcObjectsView) part;
			page.getWorkbenchWindow().getShell().setSize(1000, 600);

			waitUntil(() -> row(view, name).isPresent(), "row for " + name);
			TableItem item = row(view, name).orElseThrow();
			assertEquals("POSIX shm", item.getText(1));
			assertEquals(SizeFormat.format(SIZE), item.getText(2));
			assertEquals("/dev/shm", item.getText(3));
			assertTrue(view.getContentDescription().contains("objects at"), view.getContentDescription());
			settle();
			Screenshots.save(page.getWorkbenchWindow().getShell(), "IpcObjectsViewTest-segment-listed");

			assertEquals(0, helper.finish());
			IHandlerService handlers = view.getSite().getService(IHandlerService.class);
			assertNotNull(handlers);
			handlers.executeCommand("org.ipcscope.ui.commands.refresh", null);
			waitUntil(() -> row(view, name).isEmpty(), "row for " + name + " to go after the refresh");
		}
	}

	private static Optional<TableItem> row(IpcObjectsView view, String name) {
		return Arrays.stream(view.viewer().getTable().getItems()).filter(i -> i.getText(0).equals(name)).findFirst();
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				Thread.sleep(20);
			}
		}
	}

	private static void settle() throws InterruptedException {
		Display display = Display.getCurrent();
		long end = System.nanoTime() + 500_000_000L;
		while (System.nanoTime() < end) {
			if (!display.readAndDispatch()) {
				Thread.sleep(10);
			}
		}
	}
}
