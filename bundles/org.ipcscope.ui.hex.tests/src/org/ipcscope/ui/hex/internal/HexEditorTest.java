package org.ipcscope.ui.hex.internal;

import static org.ipcscope.ui.hex.internal.HexUi.helper;
import static org.ipcscope.ui.hex.internal.HexUi.join;
import static org.ipcscope.ui.hex.internal.HexUi.lookup;
import static org.ipcscope.ui.hex.internal.HexUi.open;
import static org.ipcscope.ui.hex.internal.HexUi.page;
import static org.ipcscope.ui.hex.internal.HexUi.screenshot;
import static org.ipcscope.ui.hex.internal.HexUi.spin;
import static org.ipcscope.ui.hex.internal.HexUi.uniqueName;
import static org.ipcscope.ui.hex.internal.HexUi.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.core.hex.InspectorRow;
import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.hex.internal.find.Difference;
import org.ipcscope.ui.hex.internal.find.DifferencesDialog;
import org.ipcscope.ui.hex.internal.handlers.GoToOffsetHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hex editor in a real workbench on segments of helper processes: live changes marked, a
 * 2 GiB region scrolled to its end, bad input, writes another process sees, find, copy,
 * baseline and comparison, opening from the IPC Objects view and by name.
 * Screenshots: target/screenshots/HexEditorTest-*.png
 */
class HexEditorTest {

	private static final int COUNTER = 16;

	@AfterEach
	void closeEditors() throws InterruptedException {
		page().closeAllEditors(false);
		spin(100);
	}

	@Test
	void aCounterAnotherProcessWritesIsSeenChangingAndMarked() throws Exception {
		String name = uniqueName("counter");
		try (HelperProcess helper = helper(1, "counter", name, "4096")) {
			HexEditor editor = open(lookup(name));
			editor.setRefreshInterval(100);
			editor.goTo(COUNTER);
			int first = counter(editor);
			// the helper writes the number, then its text: a read may land between the two
			waitUntil(() -> counter(editor) > first && editor.canvas().frame().viewport().ages()[COUNTER] == 0
					&& editor.canvas().frame().viewport().isChanged(32), "the counter to change and be marked");
			Viewport viewport = editor.canvas().frame().viewport();
			assertTrue(viewport.isChanged(COUNTER), "the counter's low byte is marked");
			assertTrue(viewport.isChanged(32), "its decimal text is marked too");
			assertFalse(viewport.isChanged(4), "the constant 'counter' label is not");
			assertFalse(viewport.isChanged(200), "nor is the rest");
			assertEquals(1.0, viewport.heat(COUNTER));
			waitUntil(() -> inspected(editor, "uint32") != null
					&& inspected(editor, "uint32").littleEndian().equals(Integer.toString(counter(editor))),
					"the inspector to show the counter at the caret");
			assertTrue(editor.statusText().contains("rows in"), editor.statusText());
			screenshot("HexEditorTest-counter-changes");

			editor.view().setAutoRefresh(false);
			// a read under way when paused still lands: wait for it (a busy machine may take long)
			waitUntil(() -> Job.getJobManager().find(editor.jobFamily()).length == 0, "the last read before the pause");
			DisplayWaits.drain();
			int paused = counter(editor);
			// the segment itself moves on (read past the editor): ticks of a live refresh would have read it
			waitUntil(() -> segmentCounter(name) >= paused + 3, "the counter in the segment to advance");
			waitUntil(() -> Job.getJobManager().find(editor.jobFamily()).length == 0, "no read under way");
			DisplayWaits.drain();
			assertEquals(paused, counter(editor), "paused: no refresh");
			editor.refreshNow();
			waitUntil(() -> counter(editor) > paused, "Refresh Now to read while paused");
		}
	}

	/** The counter as the segment holds it now, read from /dev/shm, not through the editor. */
	private static int segmentCounter(String name) {
		try (FileChannel channel = FileChannel.open(Path.of("/dev/shm", name.substring(1)))) {
			ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
			channel.read(bytes, COUNTER);
			return bytes.getInt(0);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int counter(HexEditor editor) {
		Viewport viewport = editor.canvas().frame().viewport();
		return ByteBuffer.wrap(viewport.bytes(), COUNTER, 4).order(ByteOrder.nativeOrder()).getInt();
	}

	private static InspectorRow inspected(HexEditor editor, String type) {
		return editor.inspector().rows().stream().filter(r -> r.type().equals(type)).findFirst().orElse(null);
	}

	@Test
	void aTwoGibibyteSparseSegmentOpensAndScrollsToItsEnd() throws Exception {
		String name = uniqueName("large");
		Path file = Path.of("/dev/shm", name.substring(1));
		long size = 2L << 30;
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(size);
			sparse.seek(size - 4);
			sparse.write("END!".getBytes(StandardCharsets.US_ASCII));
		}
		try {
			HexEditor editor = open(lookup(name));
			HexCanvas canvas = editor.canvas();
			assertEquals(size, canvas.regionSize());
			assertTrue(canvas.scrollMapping().isScaled(), (size / 16) + " rows need a scaled scrollbar");
			ScrollBar bar = canvas.getVerticalBar();
			bar.setSelection(bar.getMaximum() - bar.getThumb());
			Event drag = new Event();
			drag.detail = SWT.DRAG;
			bar.notifyListeners(SWT.Selection, drag);
			assertEquals(canvas.rows() - canvas.fullRows(), canvas.topRow(), "the scrollbar's end is the last row");
			waitUntil(() -> canvas.frame().viewport().covers(size - 1), "the last row to be read");
			Viewport end = canvas.frame().viewport();
			int at = (int) (size - 4 - end.offset());
			assertEquals("END!", new String(end.bytes(), at, 4, StandardCharsets.US_ASCII));
			assertTrue(end.length() <= canvas.visibleRows() * 16, "only the visible rows are read");

			canvas.setFocus();
			key(canvas, SWT.HOME, SWT.MOD1);
			assertEquals(0, canvas.topRow());
			key(canvas, SWT.END, SWT.MOD1);
			assertEquals(size - 1, editor.caret());
			assertEquals(canvas.rows() - canvas.fullRows(), canvas.topRow());
			waitUntil(() -> canvas.frame().viewport().covers(size - 1), "the last row again");
			screenshot("HexEditorTest-large-region-end");
		} finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void rowsUncoveredByAGrowingEditorAreRead() throws Exception {
		String name = uniqueName("grow");
		Path file = Path.of("/dev/shm", name.substring(1));
		Files.write(file, new byte[64 * 1024]);
		Shell shell = page().getWorkbenchWindow().getShell();
		try {
			HexEditor editor = open(lookup(name));
			HexCanvas canvas = editor.canvas();
			shell.setSize(1280, 500);
			waitUntil(() -> canvas.frame().viewport().length() == canvas.visibleRows() * canvas.bytesPerRow(),
					"the rows of the small editor to be read");
			int small = canvas.frame().viewport().length();
			shell.setSize(1280, 1000);
			waitUntil(() -> canvas.visibleRows() * canvas.bytesPerRow() > small, "the editor to grow");
			waitUntil(() -> canvas.frame().viewport().length() == canvas.visibleRows() * canvas.bytesPerRow(),
					"the rows it uncovered to be read (" + small + " bytes read before)");
		} finally {
			shell.setSize(1280, 800);
			Files.deleteIfExists(file);
		}
	}

	private static void key(HexCanvas canvas, int keyCode, int stateMask) throws InterruptedException {
		Event event = new Event();
		event.keyCode = keyCode;
		event.stateMask = stateMask;
		canvas.notifyListeners(SWT.KeyDown, event);
		spin(50);
	}

	private static void type(HexCanvas canvas, String text) throws InterruptedException {
		for (char c : text.toCharArray()) {
			Event event = new Event();
			event.character = c;
			event.keyCode = c;
			canvas.notifyListeners(SWT.KeyDown, event);
		}
		spin(50);
	}

	@Test
	void badOffsetsAnEmptyRegionAndARegionRemovedWhileOpen() throws Exception {
		assertTrue(GoToOffsetHandler.validate("0x1000", 0, 4096).contains("outside the region"));
		assertTrue(GoToOffsetHandler.validate("0x100+", 0, 4096).contains("missing"));
		assertTrue(GoToOffsetHandler.validate("-1", 0, 4096).contains("outside"));
		assertNull(GoToOffsetHandler.validate("0x100+20", 0, 4096));
		assertNull(GoToOffsetHandler.validate("$+16", 4000, 4096));

		String empty = uniqueName("empty");
		String removed = uniqueName("removed");
		try (HelperProcess helper = helper(1, "posix", empty, "0");
				HelperProcess counter = helper(1, "counter", removed, "4096")) {
			HexEditor emptyEditor = open(lookup(empty));
			assertEquals(0, emptyEditor.canvas().regionSize());
			assertEquals(0, emptyEditor.selectionLength());
			emptyEditor.goTo(100);
			assertEquals(0, emptyEditor.caret(), "nowhere to go in an empty region");
			assertTrue(emptyEditor.statusText().contains("Size 0"), emptyEditor.statusText());
			assertNull(emptyEditor.commands().findAgain(true));

			HexEditor editor = open(lookup(removed));
			editor.setRefreshInterval(100);
			editor.goTo(5000);
			assertEquals(4095, editor.caret(), "past the end goes to the last byte");
			waitUntil(() -> editor.canvas().frame().viewport().covers(4095), "the last rows to be read");
			// counter() reads the rows at offset 0: the read of the last rows must not land after this
			editor.goTo(0);
			waitUntil(() -> editor.canvas().frame().viewport().offset() == 0 && counter(editor) > 1,
					"the counter to run in the first rows");
			assertEquals(0, counter.finish());
			waitUntil(editor::isGone, "the editor to notice the removal");
			waitUntil(() -> editor.bannerText().contains(removed + " is gone"), "the banner");
			int last = counter(editor);
			// a read after the removal lands as a new frame: what was read before stays in it
			Frame beforeRead = editor.canvas().frame();
			editor.refreshNow();
			waitUntil(() -> editor.canvas().frame() != beforeRead, "a read after the removal");
			assertEquals(0, editor.canvas().frame().viewport().offset());
			assertEquals(last, counter(editor), "the last bytes read stay on screen");
			assertTrue(editor.statusText().contains("GONE"), editor.statusText());
			editor.goTo(4095);
			waitUntil(() -> editor.canvas().frame().viewport().covers(4095), "the last rows after the removal");
			editor.goTo(0);
			editor.refreshNow();
			waitUntil(() -> editor.canvas().frame().viewport().offset() == 0, "the rows scrolled back to");
			Viewport top = editor.canvas().frame().viewport();
			assertEquals("counter", new String(top.bytes(), 4, 7, StandardCharsets.US_ASCII),
					"rows read before the removal are still shown after scrolling back to them");
			assertTrue(editor.isGone());
			screenshot("HexEditorTest-removed-while-open");
		}
	}

	@Test
	void writesReachAnotherProcessAndUndoRestores() throws Exception {
		String name = uniqueName("write");
		try (HelperProcess helper = helper(2, "posix", name, "4096", "observe", "posix", name, "100", "4")) {
			helper.awaitLine("SEEN 00000000"::equals, Duration.ofSeconds(10));
			HexEditor editor = open(lookup(name));
			HexCanvas canvas = editor.canvas();
			assertFalse(editor.isWritingEnabled(), "read-only by default");
			canvas.setFocus();
			editor.goTo(100);
			type(canvas, "ff");
			assertEquals(0, canvas.byteAt(100), "typing shows nothing while read-only");

			join(editor.setWritingEnabled(true));
			assertTrue(editor.isWritingEnabled());
			join(editor.write(100, new byte[] { 1, 2, 3, 4 }));
			// writes land in the order asked for and the observer prints every change: the first change
			// it saw after the typing is this write, so the typing wrote nothing
			assertEquals("SEEN 01020304", helper.awaitLine(line -> true, Duration.ofSeconds(10)),
					"typing does nothing while read-only");

			join(editor.undo());
			helper.awaitLine("SEEN 00000000"::equals, Duration.ofSeconds(10));
			join(editor.redo());
			helper.awaitLine("SEEN 01020304"::equals, Duration.ofSeconds(10));

			editor.goTo(101);
			canvas.setFocus();
			type(canvas, "ab");
			helper.awaitLine("SEEN 01ab0304"::equals, Duration.ofSeconds(10));
			screenshot("HexEditorTest-written");

			// eight digits typed at once are eight writes; they land in the order typed
			editor.goTo(100);
			type(canvas, "deadbeef");
			helper.awaitLine("SEEN deadbeef"::equals, Duration.ofSeconds(10));
			join(editor.write(100, new byte[] { 9, 9, 9, 9 }));
			assertEquals("SEEN 09090909", helper.awaitLine(line -> true, Duration.ofSeconds(10)),
					"no typed write lands after the last one typed");

			join(editor.setWritingEnabled(false));
			assertFalse(editor.isWritingEnabled());
		}
	}

	@Test
	void findsHexWithWildcardsTextAndUtf16AndCopiesInFormats() throws Exception {
		String name = uniqueName("find");
		try (HelperProcess helper = helper(1, "posix", name, "65536")) {
			try (FileChannel channel = FileChannel.open(Path.of("/dev/shm", name.substring(1)), StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap("hello shared memory".getBytes(StandardCharsets.UTF_8)), 0x200);
				channel.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)), 0x9000);
				channel.write(ByteBuffer.wrap("Wide".getBytes(StandardCharsets.UTF_16LE)), 0x300);
			}
			HexEditor editor = open(lookup(name));
			join(editor.commands().find(BytePattern.hex("68 65 ?? 6C"), true));
			assertEquals(0x200, editor.selectionStart());
			assertEquals(4, editor.selectionLength());
			join(editor.commands().findAgain(true));
			assertEquals(0x9000, editor.selectionStart());
			join(editor.commands().findAgain(true));
			assertEquals(0x200, editor.selectionStart(), "wraps around to the first match");
			join(editor.commands().findAgain(false));
			assertEquals(0x9000, editor.selectionStart(), "backwards wraps to the last match");
			join(editor.commands().find(PatternSyntax.parse("utf16:Wide"), true));
			assertEquals(0x300, editor.selectionStart());
			assertEquals(8, editor.selectionLength());
			join(editor.commands().find(PatternSyntax.parse("text:no such text"), true));
			assertTrue(editor.statusText().contains("Not found"), editor.statusText());

			editor.select(0x200, 5);
			join(editor.commands().copy(CopyFormat.C_ARRAY));
			String array = CopyFormat.C_ARRAY.format("hello".getBytes(StandardCharsets.US_ASCII));
			waitUntil(() -> array.equals(clipboard()), "the C array on the clipboard, not " + clipboard());
			join(editor.commands().copy(CopyFormat.BASE64));
			waitUntil(() -> "aGVsbG8=".equals(clipboard()), "base64 on the clipboard");

			Path saved = Files.createTempFile("ipcscope-selection", ".bin");
			try {
				join(editor.commands().save(saved, true));
				assertEquals("hello", Files.readString(saved));
				join(editor.commands().save(saved, false));
				assertEquals(65536, Files.size(saved));
			} finally {
				Files.delete(saved);
			}

			editor.view().setTextEncoding(TextEncoding.UTF_16LE);
			editor.view().setGrouping(4);
			editor.view().setBytesPerRow(32);
			editor.goTo(0x300);
			spin(300);
			assertEquals(32, editor.canvas().bytesPerRow());
			screenshot("HexEditorTest-utf16-grouped");
		}
	}

	private static String clipboard() {
		Clipboard clipboard = new Clipboard(page().getWorkbenchWindow().getShell().getDisplay());
		try {
			return (String) clipboard.getContents(TextTransfer.getInstance());
		} finally {
			clipboard.dispose();
		}
	}

	@Test
	void changesSinceTheBaselineAreVisitedAndListed() throws Exception {
		String name = uniqueName("baseline");
		try (HelperProcess helper = helper(1, "posix", name, "65536")) {
			HexEditor editor = open(lookup(name));
			join(editor.commands().setBaseline());
			assertNotNull(editor.region().baseline());
			try (FileChannel channel = FileChannel.open(Path.of("/dev/shm", name.substring(1)), StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(new byte[] { 7, 7, 7 }), 0x10);
				channel.write(ByteBuffer.wrap(new byte[] { 9 }), 0x8000);
			}
			editor.goTo(0);
			join(editor.commands().goToChange(true));
			assertEquals(0x10, editor.selectionStart(), editor.statusText());
			assertEquals(3, editor.selectionLength());
			join(editor.commands().goToChange(true));
			assertEquals(0x8000, editor.selectionStart(), editor.statusText());
			join(editor.commands().goToChange(true));
			assertEquals(0x8000, editor.selectionStart(), "no change after the last");
			join(editor.commands().goToChange(false));
			assertEquals(0x10, editor.selectionStart(), editor.statusText());
			assertEquals(3, editor.selectionLength());

			editor.goTo(0);
			editor.refreshNow();
			waitUntil(() -> editor.canvas().frame().sinceBaseline().get(0x10), "the change since the baseline marked");

			join(editor.commands().compareWithBaseline());
			Shell dialog = waitForShell("Changes in " + name);
			DifferencesDialog differences = (DifferencesDialog) dialog.getData();
			List<?> rows = (List<?>) differences.viewer().getInput();
			assertEquals(List.of(new Difference(0x10, 3, "00 00 00", "07 07 07"), new Difference(0x8000, 1, "00", "09")),
					rows);
			Screenshots.save(dialog, "HexEditorTest-differences");
			dialog.close();
		}
	}

	private static Shell waitForShell(String titleStart) throws InterruptedException {
		Shell[] found = new Shell[1];
		waitUntil(() -> {
			found[0] = Arrays.stream(page().getWorkbenchWindow().getShell().getDisplay().getShells())
					.filter(s -> !s.isDisposed() && s.getText().startsWith(titleStart)).findFirst().orElse(null);
			return found[0] != null;
		}, "a window titled " + titleStart);
		return found[0];
	}

	@Test
	void opensFromTheIpcObjectsViewAndByNameSideBySide() throws Exception {
		String first = uniqueName("listed");
		String second = uniqueName("named");
		try (HelperProcess helper = helper(2, "posix", first, "8192", "posix", second, "4096")) {
			IWorkbenchPage page = page();
			IViewPart view = page.showView(IpcScopeViews.IPC_OBJECTS);
			Tree tree = (Tree) ((org.eclipse.jface.viewers.TreeViewer) view.getSite().getSelectionProvider()).getControl();
			TreeItem[] row = new TreeItem[1];
			waitUntil(() -> (row[0] = findRow(tree, first)) != null, "the segment listed in IPC Objects");
			tree.setSelection(row[0]);
			tree.notifyListeners(SWT.Selection, new Event());
			Event doubleClick = new Event();
			doubleClick.item = row[0];
			tree.notifyListeners(SWT.DefaultSelection, doubleClick);
			waitUntil(() -> editorFor(first) != null, "double-click to open " + first);
			// as a user does: the first editor shows its bytes before the second one covers it
			waitUntil(() -> editorFor(first).canvas().frame() != null, "the first editor's first read");

			join(OpenSharedMemory.byName(page.getWorkbenchWindow(), second, "/dev/shm"));
			waitUntil(() -> editorFor(second) != null, "Open Shared Memory to open " + second);
			HexEditor one = editorFor(first);
			HexEditor two = editorFor(second);
			waitUntil(() -> one.canvas().frame() != null && two.canvas().frame() != null, "both editors to read");
			one.view().setBytesPerRow(8);
			assertEquals(16, two.canvas().bytesPerRow(), "each editor has its own settings");
			assertEquals(8192, one.canvas().regionSize());
			assertEquals(4096, two.canvas().regionSize());
			assertEquals(2, page.getEditorReferences().length);
			screenshot("HexEditorTest-two-editors");
			page.hideView(view);
		}
	}

	private static TreeItem findRow(Tree tree, String name) {
		for (TreeItem group : tree.getItems()) {
			for (TreeItem item : group.getItems()) {
				if (item.getData() instanceof TrackedObject row && row.object().name().equals(name)) {
					return item;
				}
			}
		}
		return null;
	}

	private static HexEditor editorFor(String name) {
		for (IEditorReference reference : page().getEditorReferences()) {
			if (reference.getEditor(false) instanceof HexEditor editor && editor.name().equals(name)) {
				return editor;
			}
		}
		return null;
	}

	@Test
	void theSameObjectOpensOnce() throws Exception {
		String name = uniqueName("once");
		try (HelperProcess helper = helper(1, "posix", name, "4096")) {
			IpcObject object = lookup(name);
			HexEditor editor = open(object);
			assertEquals(editor, open(object));
			assertEquals(1, page().getEditorReferences().length);
		}
	}
}
