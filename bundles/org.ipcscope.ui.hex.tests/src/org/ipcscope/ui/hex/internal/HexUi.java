package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.IpcObject;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.JobWaits;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.hex.HexEditors;
import org.ipcscope.ui.hex.internal.struct.RememberedStructs;

/** What the hex editor's UI tests share: helpers, waiting on the UI thread, opening editors, screenshots. */
public final class HexUi {

	private HexUi() {
	}

	public static String uniqueName(String what) {
		return "/ipcscope-hex-" + what + "-" + ProcessHandle.current().pid() + "-"
				+ ThreadLocalRandom.current().nextInt(1_000_000);
	}

	public static HelperProcess helper(int objects, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(HelperProcess.helper("ipc_helper").toString());
		command.addAll(List.of(arguments));
		return HelperProcess.start(objects, command.toArray(String[]::new));
	}

	public static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Looks the object up through the DS service, waiting for the providers to come up. */
	public static IpcObject lookup(String name) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			Optional<IpcObject> found = MemoryServices.lookup(name, null);
			if (found.isPresent()) {
				return found.get();
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no memory provider found " + name);
			}
			spin(50);
		}
	}

	/** Opens an editor on the object and waits for its first rows. */
	public static HexEditor open(IpcObject object) throws Exception {
		HexEditor editor = (HexEditor) HexEditors.open(page(), object);
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
		waitUntil(() -> editor.canvas().frame() != null || editor.isGone(),
				"the editor's first read of " + object.name());
		return editor;
	}

	/** Waits for an editor job and for what it hands back to the UI thread. */
	public static void join(Job job) throws InterruptedException {
		JobWaits.join(job, Duration.ofSeconds(20));
	}

	public static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.waitUntil(condition, what, Duration.ofSeconds(20));
	}

	public static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}

	public static void screenshot(String name) throws Exception {
		spin(300);
		Screenshots.save(page().getWorkbenchWindow().getShell(), name);
	}

	/** Closes every editor, then forgets the overlays remembered for the objects named. */
	public static void closeEditorsAndForgetStructs(List<String> names) throws InterruptedException {
		page().closeAllEditors(false);
		spin(100);
		for (String name : names) {
			RememberedStructs.save(name, List.of());
		}
	}
}
