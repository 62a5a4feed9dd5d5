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

	/**
	 * xclip (Debian package xclip, a real X client) owns CLIPBOARD on the tests' display with one
	 * target of its own, named CF_DIB, holding a 3 x 2 24-bit bottom-up DIB; the view lists xclip's
	 * targets and, on Read Content, shows the DIB as a thumbnail whose pixels are the DIB's.
	 */
	@Test
	void xclipOwnsTheClipboardAndItsDibShowsAsAThumbnail() throws Exception {
		int[][] rgb = { { 0xff0000, 0x00ff00, 0x0000ff }, { 0x123456, 0xffffff, 0x000000 } };
		int stride = (3 * 3 + 3) & ~3;
		java.nio.ByteBuffer dib = java.nio.ByteBuffer.allocate(40 + stride * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		dib.putInt(40).putInt(3).putInt(2).putShort((short) 1).putShort((short) 24).putInt(0).putInt(stride * 2)
				.putInt(2835).putInt(2835).putInt(0).putInt(0);
		for (int y = 1; y >= 0; y--) {
			int start = dib.position();
			for (int x = 0; x < 3; x++) {
				dib.put((byte) rgb[y][x]).put((byte) (rgb[y][x] >> 8)).put((byte) (rgb[y][x] >> 16));
			}
			dib.position(start + stride);
		}
		Path file = Files.createTempFile("xclip", ".dib");
		Files.write(file, dib.array());
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		// -quiet keeps xclip in the foreground: this process is the owner
		Process xclip = new ProcessBuilder("xclip", "-quiet", "-selection", "clipboard", "-t", "CF_DIB", "-i",
				file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		try {
			ClipboardView view = (ClipboardView) page.showView(ClipboardView.ID);
			page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (view.current() == null || view.current().format("CF_DIB") == null) {
				assertTrue(xclip.isAlive(), () -> "xclip exited: " + xclip.exitValue());
				assertTrue(System.nanoTime() < deadline, "the view to list xclip's CF_DIB: " + view.statusText());
				JobWaits.join(view.refresh(), Duration.ofSeconds(30));
				DisplayWaits.drain();
			}
			assertEquals(List.of("TARGETS", "CF_DIB"), view.current().formats().stream().map(ClipboardFormat::name).toList(),
					"xclip's targets");
			assertTrue(view.current().owner() != null && view.current().owner().handle() != 0, view.statusText());
			// xclip sets no _NET_WM_PID on its window: its pid is the one the X server knows (XRes)
			assertEquals(xclip.pid(), view.current().owner().pid(), view.statusText());
			assertEquals("XRes", view.current().owner().how());
			assertTrue(view.statusText().contains("(pid " + xclip.pid()), view.statusText());

			view.formatsViewer().setSelection(new StructuredSelection(view.current().format("CF_DIB")));
			page.activate(view);
			view.getSite().getService(IHandlerService.class).executeCommand(ClipboardHandler.READ, null);
			waitUntil(() -> view.thumbnailImage() != null, "the thumbnail: " + view.detailText());
			org.eclipse.swt.graphics.ImageData shown = view.thumbnailImage().getImageData();
			assertEquals(3, shown.width);
			assertEquals(2, shown.height);
			for (int y = 0; y < 2; y++) {
				for (int x = 0; x < 3; x++) {
					org.eclipse.swt.graphics.RGB pixel = shown.palette.getRGB(shown.getPixel(x, y));
					assertEquals(Integer.toHexString(rgb[y][x]),
							Integer.toHexString(pixel.red << 16 | pixel.green << 8 | pixel.blue), "pixel " + x + "," + y);
				}
			}
			DisplayWaits.spin(300);
			Screenshots.save(page.getWorkbenchWindow().getShell(), "ClipboardViewTest-xclip-dib");
			page.hideView(view);
		} finally {
			xclip.destroy();
			xclip.waitFor();
			Files.deleteIfExists(file);
		}
	}
}
