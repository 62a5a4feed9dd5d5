package org.ipcscope.ui.hex.internal;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.core.hex.ViewportReader;
import org.ipcscope.core.memory.FileMemorySource;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.ui.hex.HexEditors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness, not a test of limits: measures and prints, asserts nothing. Runs with -Pbench
 * (docs/dev/testing.md). Numbers go to target/benchmarks/hex-editor.txt and docs/performance.md.
 * <ul>
 * <li>paint time of a full window of rows (1280x1024 workbench, editor maximized), every byte
 * marked changed: the worst case;</li>
 * <li>refresh cost per tick for the visible rows, as the read job measures it and for the bare
 * read;</li>
 * <li>heap with a 1 GiB region open (scrolled to its middle and end) against an 8 KiB one.</li>
 * </ul>
 */
class HexEditorBenchmark {

	private static final int PAINTS = 300;
	private final List<String> report = new ArrayList<>();

	@AfterEach
	void closeEditors() throws InterruptedException {
		page().closeAllEditors(false);
		spin(100);
	}

	@Test
	void paintRefreshAndHeap() throws Exception {
		String small = uniqueName("bench-8k");
		String large = uniqueName("bench-1g");
		Path largeFile = Path.of("/dev/shm", large.substring(1));
		long gib = 1L << 30;
		try (HelperProcess helper = helper(1, "posix", small, "8192");
				RandomAccessFile sparse = new RandomAccessFile(largeFile.toFile(), "rw")) {
			sparse.setLength(gib);
			fillRandom(largeFile, 0, 1 << 20, 1);

			long none = usedHeap();
			open(lookup(small));
			spin(500);
			long withSmall = usedHeap();
			page().closeAllEditors(false);
			spin(300);

			HexEditor editor = open(lookup(large));
			IWorkbenchPage page = page();
			page.getWorkbenchWindow().getShell().setSize(1280, 1024);
			page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
			editor.setRefreshInterval(50);
			spin(500);
			paint(editor, largeFile);
			refresh(editor, largeFile);

			editor.goTo(gib / 2);
			spin(500);
			editor.goTo(gib - 1);
			spin(500);
			long withLarge = usedHeap();
			report.add(String.format(Locale.ROOT,
					"heap used after GC: no editor %.1f MiB, 8 KiB region open %.1f MiB, 1 GiB region open (scrolled to"
							+ " its middle and end) %.1f MiB; 1 GiB minus 8 KiB: %+.1f MiB",
					mib(none), mib(withSmall), mib(withLarge), mib(withLarge - withSmall)));
		} finally {
			Files.deleteIfExists(largeFile);
			write();
		}
	}

	/**
	 * A full window painted with no marks, then with every visible byte changed in the last
	 * refreshes (marks of several ages: the most rectangles). Painted into an image with the
	 * canvas's own paint code, and on screen (redraw + update) as the paint listener measures it.
	 */
	private void paint(HexEditor editor, Path file) throws Exception {
		HexCanvas canvas = editor.canvas();
		editor.view().setAutoRefresh(false);
		editor.refreshNow();
		spin(300);
		editor.refreshNow();
		spin(300);
		paintTimes(canvas, "warm-up");
		report.add(paintTimes(canvas, "no byte marked"));
		editor.view().setAutoRefresh(true);
		for (int seed = 2; seed < 5; seed++) {
			fillRandom(file, 0, 1 << 20, seed);
			long tick = canvas.frame().viewport().tick();
			waitUntil(() -> canvas.frame().viewport().tick() > tick + 1, "refreshes after the change");
		}
		editor.view().setAutoRefresh(false);
		spin(200);
		report.add(paintTimes(canvas, "every byte marked, changed in the last 3 refreshes"));
		editor.view().setAutoRefresh(true);
	}

	private String paintTimes(HexCanvas canvas, String marks) throws InterruptedException {
		Viewport viewport = canvas.frame().viewport();
		int changed = 0;
		for (int i = 0; i < viewport.length(); i++) {
			changed += viewport.isChanged(i) ? 1 : 0;
		}
		Rectangle area = canvas.getClientArea();
		Image image = new Image(canvas.getDisplay(), area.width, area.height);
		GC gc = new GC(image);
		List<Long> direct = new ArrayList<>();
		try {
			for (int i = 0; i < 2 * PAINTS; i++) {
				long start = System.nanoTime();
				canvas.paint(gc, area);
				if (i >= PAINTS) {
					direct.add(System.nanoTime() - start); // the first half warms the JIT up
				}
			}
		} finally {
			gc.dispose();
			image.dispose();
		}
		List<Long> onScreen = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			long before = canvas.paints();
			canvas.redraw();
			// GTK paints on its frame clock: wait for each paint
			long deadline = System.nanoTime() + 500_000_000L;
			while (canvas.paints() == before && System.nanoTime() < deadline) {
				if (!canvas.getDisplay().readAndDispatch()) {
					Thread.sleep(1);
				}
			}
			if (canvas.paints() > before) {
				onScreen.add(canvas.lastPaintNanos());
			}
		}
		return String.format(Locale.ROOT,
				"paint of a full window, %s: %d rows x %d bytes (%dx%d px), %d of %d bytes marked: median %.2f ms,"
						+ " p95 %.2f ms into an image; on screen median %.2f ms, p95 %.2f ms of %d paints (goal < 8 ms)",
				marks, canvas.visibleRows(), canvas.bytesPerRow(), area.width, area.height, changed, viewport.length(),
				median(direct), percentile(direct, 95), median(onScreen), percentile(onScreen, 95), onScreen.size());
	}

	private void refresh(HexEditor editor, Path file) throws Exception {
		HexCanvas canvas = editor.canvas();
		List<Long> ticks = new ArrayList<>();
		long[] last = { canvas.frame().viewport().tick() };
		long end = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < end) {
			spin(10);
			Frame frame = canvas.frame();
			if (frame.viewport().tick() != last[0]) {
				last[0] = frame.viewport().tick();
				ticks.add(frame.nanos());
			}
		}
		int length = canvas.visibleRows() * canvas.bytesPerRow();
		List<Long> bare = new ArrayList<>();
		try (FileMemorySource source = FileMemorySource.open(file)) {
			ViewportReader reader = new ViewportReader(source, 5);
			for (int i = 0; i < 2000; i++) {
				long start = System.nanoTime();
				reader.refresh(0, length);
				bare.add(System.nanoTime() - start);
			}
		}
		report.add(String.format(Locale.ROOT,
				"refresh per tick, %d visible rows (%d bytes) of a 1 GiB region: median %.3f ms, p95 %.3f ms in the read"
						+ " job (%d ticks at 50 ms: read, change history, inspector bytes); bare ViewportReader.refresh median"
						+ " %.3f ms (goal < 2 ms)",
				canvas.visibleRows(), length, median(ticks), percentile(ticks, 95), ticks.size(), median(bare)));
	}

	private static void fillRandom(Path file, long offset, int length, long seed) throws Exception {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(bytes), offset);
		}
	}

	private static long usedHeap() throws InterruptedException {
		for (int i = 0; i < 4; i++) {
			System.gc();
			spin(150);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static double mib(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	private static double median(List<Long> nanos) {
		return percentile(nanos, 50);
	}

	private static double percentile(List<Long> nanos, int percent) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
	}

	private void write() throws Exception {
		Path dir = Path.of(System.getProperty("ipcscope.screenshots", "target/screenshots")).resolveSibling("benchmarks");
		Files.createDirectories(dir);
		Path file = dir.resolve("hex-editor.txt");
		Files.write(file, report);
		report.forEach(line -> System.out.println("BENCHMARK " + line));
		System.out.println("Benchmark saved: " + file.toAbsolutePath());
	}

	// the few steps of the hex tests' HexUi (a fragment this one cannot see) that the benchmark needs

	private static String uniqueName(String what) {
		return "/ipcscope-hex-" + what + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
	}

	private static HelperProcess helper(int objects, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(HelperProcess.helper("ipc_helper").toString());
		command.addAll(List.of(arguments));
		return HelperProcess.start(objects, command.toArray(String[]::new));
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** through the DS service, once the providers are up */
	private static IpcObject lookup(String name) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Optional<IpcObject> found;
		while ((found = MemoryServices.lookup(name, null)).isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no memory provider found " + name);
			}
			spin(50);
		}
		return found.get();
	}

	private static HexEditor open(IpcObject object) throws Exception {
		HexEditor editor = (HexEditor) HexEditors.open(page(), object);
		waitUntil(() -> editor.canvas().frame() != null || editor.isGone(), "the editor's first read of " + object.name());
		return editor;
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.waitUntil(condition, what, Duration.ofSeconds(20));
	}

	private static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}
}
