package org.ipcscope.ui.clipboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.ipcscope.core.clipboard.ClipboardDecoders;
import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.JobWaits;
import org.ipcscope.tests.support.Screenshots;
import org.junit.jupiter.api.Test;

/**
 * The Clipboard view in a real workbench on the display the tests run on, with x_clipboard_owner
 * (a real X client) owning CLIPBOARD there.
 */
class ClipboardViewTest {

	private static HelperProcess owner(String text) throws Exception {
		return HelperProcess.start(1, HelperProcess.helper("x_clipboard_owner").toString(), "CLIPBOARD", text);
	}

	private static long pid(HelperProcess helper) {
		return Long.parseLong(helper.readyLines().get(0).replaceAll(".*pid=(\\d+).*", "$1"));
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.waitUntil(condition, what, Duration.ofSeconds(30));
	}

	@Test
	void showsOwnerTargetsContentOnRequestAndTheHistory() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		try (HelperProcess first = owner("text from the X client")) {
			ClipboardView view = (ClipboardView) page.showView(ClipboardView.ID);
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
			waitUntil(() -> view.current() != null && view.current().owner() != null && view.current().owner().pid() == pid(first),
					"the view to show the owner: " + (view.current() == null ? "nothing" : view.statusText()));
			assertTrue(view.statusText().startsWith("CLIPBOARD   owner 0x"), view.statusText());
			assertTrue(view.statusText().contains("(pid " + pid(first) + " x_clipboard_own)"), view.statusText());
			assertEquals(List.of("TARGETS", "TIMESTAMP", "DELETE", "UTF8_STRING", "STRING", "text/html", "application/x-ipcscope"),
					view.current().formats().stream().map(ClipboardFormat::name).toList());
			assertTrue(view.current().formats().stream().noneMatch(ClipboardFormat::read), "nothing read before asked");
			assertEquals("not read", view.formatsViewer().getTable().getItem(3).getText(3));

			// reads run in order: once this one is done, none scheduled before it can come later
			JobWaits.join(view.refresh(), Duration.ofSeconds(30));
			DisplayWaits.drain();
			view.formatsViewer().setSelection(new StructuredSelection(view.current().format("UTF8_STRING")));
			page.activate(view);
			view.getSite().getService(IHandlerService.class).executeCommand(ClipboardHandler.READ, null);
			waitUntil(() -> "text from the X client".equals(view.detailText()), "the content in the detail pane: " + view.detailText());
			assertEquals("UTF-8 text: text from the X client", view.formatsViewer().getTable().getItem(3).getText(3));
			assertEquals("not read", view.formatsViewer().getTable().getItem(5).getText(3), "only the selected format was read");
			assertEquals("text from the X client", view.detailText(), "no later read replaced the content");
			DisplayWaits.spin(300); // painted before the screenshot
			Screenshots.save(page.getWorkbenchWindow().getShell(), "ClipboardViewTest-content");

			view.setRecording(true);
			waitUntil(view::watching, "the history's watch to start");
			try (HelperProcess second = owner("second owner")) {
				waitUntil(() -> view.history().stream().anyMatch(c -> c.owner() != null && c.owner().pid() == pid(second)),
						"the history to record the new owner: " + view.history());
				ClipboardSnapshot change = view.history().stream().filter(c -> c.owner().pid() == pid(second)).findFirst().get();
				assertEquals("second owner", ClipboardDecoders.decode(change.format("UTF8_STRING")).text());
				assertTrue(change.sequence() > 0);
				DisplayWaits.spin(300);
				Screenshots.save(page.getWorkbenchWindow().getShell(), "ClipboardViewTest-history");

				Path file = Files.createTempFile("clipboard-history", ".jsonl");
				try {
					int recorded = view.history().size();
					JobWaits.join(view.saveHistory(file.toString()), Duration.ofSeconds(30));
					view.clearHistory();
					assertEquals(0, view.history().size());
					JobWaits.join(view.openHistory(file.toString()), Duration.ofSeconds(30));
					waitUntil(() -> view.history().size() == recorded, "the history opened again: " + view.history().size());
				} finally {
					Files.deleteIfExists(file);
				}
			}
			view.setRecording(false);
			page.hideView(view);
		}
	}
}
