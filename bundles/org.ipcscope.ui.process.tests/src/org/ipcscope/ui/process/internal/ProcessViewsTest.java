package org.ipcscope.ui.process.internal;

import static org.ipcscope.ui.process.internal.ProcessUi.helper;
import static org.ipcscope.ui.process.internal.ProcessUi.join;
import static org.ipcscope.ui.process.internal.ProcessUi.page;
import static org.ipcscope.ui.process.internal.ProcessUi.screenshot;
import static org.ipcscope.ui.process.internal.ProcessUi.spin;
import static org.ipcscope.ui.process.internal.ProcessUi.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IViewReference;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.process.ProcessViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The process views in a real workbench on a helper process whose heap holds a marker text and a
 * counter a thread of its own adds 1 to every 100 ms (ipc_helper's ticker verb): the process list
 * and its filter, the region map with [heap] around the marker, the region in the hex editor
 * with the counter marked as it changes, a search that finds the marker and selects it, a write
 * when allowed (and its undo), and the helper's exit. Screenshots:
 * target/screenshots/ProcessViewsTest-*.png
 */
class ProcessViewsTest {

	private String marker;
	private HelperProcess helper;
	private long text;
	private long counter;

	@BeforeEach
	void startHelper() throws Exception {
		marker = "IPCSCOPE-MARKER-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
		helper = helper(1, "ticker", marker);
		String[] ready = helper.readyLines().get(0).split(" ");
		text = Long.decode(ready[1]);
		counter = Long.decode(ready[2]);
		page().getWorkbenchWindow().getShell().setSize(1280, 1000);
	}

	@AfterEach
	void stop() throws Exception {
		helper.close();
		page().closeAllEditors(false);
		for (IViewReference view : page().getViewReferences()) {
			if (view.getId().startsWith("org.ipcscope.ui.process")) {
				page().hideView(view);
			}
		}
		spin(100);
	}

	/** Show View offers the region map in the IDE: opened without a process it says how to get one, no error. */
	@Test
	void aRegionMapWithoutAProcessGivesAHint() throws Exception {
		RegionMapView map = (RegionMapView) page().showView(ProcessViews.REGION_MAP_VIEW_ID);
		try {
			assertNotNull(map.hintText(), "a hint, not an error part");
			assertTrue(map.hintText().contains("Processes view"), map.hintText());
			assertEquals(null, map.refresh(), "nothing to read");
			assertEquals(null, map.search(PatternSyntax.parse("text:x")), "nothing to search");
		} finally {
			page().hideView(map);
		}
	}

	@Test
	void theProcessListShowsTheHelperAndTheFilterFindsIt() throws Exception {
		ProcessesView view = (ProcessesView) page().showView(ProcessesView.ID);
		waitUntil(() -> row(view.table().shownRows(), helper.pid()) != null, "the helper in the process list");
		ProcessRow row = row(view.table().shownRows(), helper.pid());
		assertEquals("ipc_helper", row.info().name());
		assertTrue(row.info().imagePath().endsWith("/ipc_helper"), row.info().imagePath());
		assertEquals(64, row.info().bitness());
		assertTrue(row.info().startTime().isPresent(), "its start time");
		assertFalse(row.info().user().isEmpty(), "its user");
		assertTrue(view.table().shownRows().size() > 5, "other processes too");
		assertTrue(row.info().commandLine().endsWith(" ticker " + marker), "its command line: " + row.info().commandLine());
		assertTrue(view.table().shownRows().stream().noneMatch(r -> r.info().kernelThread()), "no kernel thread by default");
		view.setShowKernelThreads(true);
		waitUntil(() -> view.table().shownRows().stream().anyMatch(r -> r.info().kernelThread()),
				"kernel threads (kthreadd at least) once asked for");
		view.setShowKernelThreads(false);
		assertTrue(view.table().shownRows().stream().noneMatch(r -> r.info().kernelThread()), "hidden again");

		view.table().filterText().setText(Long.toString(helper.pid()));
		spin(100);
		List<ProcessRow> shown = view.table().shownRows();
		assertNotNull(row(shown, helper.pid()), "the filter by pid keeps the helper");
		assertTrue(shown.size() < 10, "and drops most other rows: " + shown.size());
		view.table().filterText().setText("IPC_HELP");
		spin(100);
		assertNotNull(row(view.table().shownRows(), helper.pid()), "the filter by name ignores case");
		view.table().viewer().setSelection(new StructuredSelection(row(view.table().shownRows(), helper.pid())));
		screenshot("ProcessViewsTest-processes-filtered");

		// Show Regions, as a double-click runs it
		Commands.execute(view.getSite(), Commands.SHOW_REGIONS);
		RegionMapView map = regionMap();
		assertTrue(map.getPartName().contains("ipc_helper"), map.getPartName());
	}

	private static ProcessRow row(List<ProcessRow> rows, long pid) {
		return rows.stream().filter(r -> r.info().pid() == pid).findFirst().orElse(null);
	}

	@Test
	void theRegionMapShowsTheHeapAroundTheMarkerAndOpensItLiveInTheHexEditor() throws Exception {
		ProcessViews.openRegionMap(page(), helper.pid(), "");
		RegionMapView map = regionMap();
		MemoryRegion heap = heap(map);
		assertTrue(heap.contains(text), "[heap] holds the marker at " + Long.toHexString(text));
		assertEquals("rw-p", heap.permissions());
		assertEquals("private", heap.type());
		assertTrue(map.getPartName().contains("ipc_helper"), "the name looked up: " + map.getPartName());
		assertTrue(map.regions().shownRows().stream().anyMatch(r -> r.path().endsWith("/ipc_helper")),
				"the helper's image is mapped");
		assertTrue(map.statusText().contains("refreshing every 2"), map.statusText());
		map.regions().filterText().setText("heap");
		spin(100);
		assertEquals(List.of(heap), map.regions().shownRows(), "the filter keeps [heap] alone");
		map.regions().viewer().setSelection(new StructuredSelection(heap));
		screenshot("ProcessViewsTest-region-map-heap");

		HexEditor editor = openSelection(map);
		assertEquals(new ProcessRegionInput(helper.pid(), "ipc_helper", heap), editor.memoryInput());
		long markerOffset = text - heap.start();
		// the counter's row first, then the marker's: both on screen
		editor.goTo(counter - heap.start() + 32);
		editor.goTo(markerOffset);
		waitUntil(() -> shows(editor, markerOffset, marker), "the marker's bytes in the editor");
		editor.setRefreshInterval(100);
		long counterOffset = counter - heap.start();
		waitUntil(() -> changed(editor, counterOffset), "the counter the process changes to be marked");
		Viewport viewport = editor.shownBytes();
		assertFalse(viewport.isChanged((int) (markerOffset - viewport.offset())), "the marker is not marked");
		assertTrue(editor.statusText().contains("0x" + Long.toHexString(text).toUpperCase()),
				"offsets are addresses: " + editor.statusText());
		screenshot("ProcessViewsTest-heap-in-hex-editor");
	}

	@Test
	void theSearchFindsTheMarkerAndOpeningTheMatchSelectsIt() throws Exception {
		ProcessViews.openRegionMap(page(), helper.pid(), "ipc_helper");
		RegionMapView map = regionMap();
		MemoryRegion heap = heap(map);
		join(map.search(PatternSyntax.parse("text:" + marker)));
		waitUntil(() -> !map.hits().shownRows().isEmpty(), "the matches listed");
		SearchHit hit = map.hits().shownRows().stream().filter(h -> h.address() == text).findFirst()
				.orElseThrow(() -> new AssertionError("no match at the marker's address: " + map.hits().shownRows()));
		assertEquals(heap, hit.region());
		assertEquals(text - heap.start(), hit.offsetInRegion());
		assertTrue(map.statusText().contains("matches of"), map.statusText());
		spin(200);
		int matches = map.hits().shownRows().size();
		assertTrue(map.visibleMatchRows() >= Math.min(matches, 2),
				"the matches pane shows " + map.visibleMatchRows() + " rows of " + matches);
		map.hits().viewer().setSelection(new StructuredSelection(hit));
		screenshot("ProcessViewsTest-search-results");

		HexEditor editor = openSelection(map);
		waitUntil(() -> editor.selectionLength() == marker.length(), "the match selected");
		assertEquals(text - heap.start(), editor.selectionStart());
		waitUntil(() -> shows(editor, editor.selectionStart(), marker), "the match's bytes on screen");
		screenshot("ProcessViewsTest-search-match-selected");

		join(map.search(PatternSyntax.parse("int32:" + Integer.MIN_VALUE)));
		waitUntil(() -> map.statusText().contains("matches of 00 00 00 80"), "the second search's result");
		assertTrue(map.hits().shownRows().stream().noneMatch(h -> h.address() == text),
				"another search replaces the list: " + map.statusText());
	}

	@Test
	void aWriteAllowedReachesTheProcessAndUndoPutsTheBytesBack() throws Exception {
		ProcessViews.openRegionMap(page(), helper.pid(), "ipc_helper");
		RegionMapView map = regionMap();
		MemoryRegion heap = heap(map);
		map.regions().viewer().setSelection(new StructuredSelection(heap));
		HexEditor editor = openSelection(map);
		assertFalse(editor.isWritingEnabled(), "read-only until allowed");
		join(editor.setWritingEnabled(true));
		assertTrue(editor.isWritingEnabled());
		join(editor.write(text - heap.start(), "W".getBytes(StandardCharsets.US_ASCII)));
		assertArrayEquals(("W" + marker.substring(1)).getBytes(StandardCharsets.US_ASCII), read(text, marker.length()),
				"the process's memory holds the write");
		join(editor.undo());
		assertArrayEquals(marker.getBytes(StandardCharsets.US_ASCII), read(text, marker.length()), "undone");
	}

	@Test
	void whenTheProcessExitsTheViewsSaySoAndKeepTheirData() throws Exception {
		ProcessViews.openRegionMap(page(), helper.pid(), "ipc_helper");
		RegionMapView map = regionMap();
		MemoryRegion heap = heap(map);
		map.setRefreshInterval(300);
		join(map.search(PatternSyntax.parse("text:" + marker)));
		map.regions().viewer().setSelection(new StructuredSelection(heap));
		HexEditor editor = openSelection(map);
		editor.goTo(counter - heap.start() + 64);
		editor.goTo(text - heap.start());
		waitUntil(() -> shows(editor, text - heap.start(), marker), "the marker's bytes");
		int regions = map.regions().shownRows().size();

		assertEquals(0, helper.finish());
		waitUntil(() -> map.gone() != null, "the region map to notice the exit");
		waitUntil(() -> editor.isGone(), "the editor to notice the exit");
		spin(500);
		assertTrue(map.bannerText().contains("can no longer be read"), map.bannerText());
		assertTrue(map.statusText().contains("GONE"), map.statusText());
		assertEquals(regions, map.regions().shownRows().size(), "the regions stay");
		assertFalse(map.hits().shownRows().isEmpty(), "the matches stay");
		assertTrue(editor.bannerText().contains("exited"), editor.bannerText());
		assertTrue(shows(editor, text - heap.start(), marker), "the editor keeps the last bytes");
		assertEquals(null, map.refresh(), "nothing is read any more");
		screenshot("ProcessViewsTest-process-exited");
	}

	private RegionMapView regionMap() throws InterruptedException {
		IViewReference reference = page().findViewReference(RegionMapView.ID, Long.toString(helper.pid()));
		assertNotNull(reference, "a region map for the helper");
		RegionMapView map = (RegionMapView) reference.getView(true);
		waitUntil(() -> !map.regions().shownRows().isEmpty() && !map.getPartName().startsWith("process"),
				"the regions read");
		return map;
	}

	private MemoryRegion heap(RegionMapView map) {
		return map.regions().shownRows().stream().filter(r -> r.tag().equals("[heap]")).findFirst()
				.orElseThrow(() -> new AssertionError("no [heap] region: " + map.regions().shownRows()));
	}

	/** Opens the selection as a double-click does and waits for the editor's first bytes. */
	private static HexEditor openSelection(RegionMapView map) throws InterruptedException {
		map.setFocus();
		Commands.execute(map.getSite(), Commands.OPEN_REGION);
		waitUntil(() -> page().getActiveEditor() instanceof HexEditor editor && editor.shownBytes() != null,
				"the hex editor's first read");
		return (HexEditor) page().getActiveEditor();
	}

	private static boolean shows(HexEditor editor, long offset, String text) {
		Viewport viewport = editor.shownBytes();
		byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
		int at = viewport == null ? -1 : (int) (offset - viewport.offset());
		if (at < 0 || at + wanted.length > viewport.length()) {
			return false;
		}
		return Arrays.equals(Arrays.copyOfRange(viewport.bytes(), at, at + wanted.length), wanted);
	}

	private static boolean changed(HexEditor editor, long offset) {
		Viewport viewport = editor.shownBytes();
		int at = viewport == null ? -1 : (int) (offset - viewport.offset());
		return at >= 0 && at < viewport.length() && viewport.isChanged(at);
	}

	private byte[] read(long address, int length) throws Exception {
		byte[][] bytes = new byte[1][];
		Exception[] failure = new Exception[1];
		ServiceCaller.callOnce(getClass(), ProcessMemoryProvider.class, provider -> {
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				MemoryRead read = memory.read(address, length);
				bytes[0] = read.bytes();
			} catch (Exception e) {
				failure[0] = e;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		return bytes[0];
	}
}
