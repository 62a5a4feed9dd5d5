package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.ipcscope.tests.support.Screenshots;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.core.IpcObject;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.JobWaits;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.ui.hex.HexEditors;

/** What the hex editor's UI tests share: helpers, waiting on the UI thread, opening editors, screenshots. */
final class HexUi {

	private HexUi() {
	}

	static String uniqueName(String what) {
		return "/ipcscope-hex-" + what + "-" + ProcessHandle.current().pid() + "-"
				+ ThreadLocalRandom.current().nextInt(1_000_000);
	}

	static HelperProcess helper(int objects, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(HelperProcess.helper("ipc_helper").toString());
		command.addAll(List.of(arguments));
		return HelperProcess.start(objects, command.toArray(String[]::new));
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Looks the object up through the DS service, waiting for the providers to come up. */
	static IpcObject lookup(String name) throws Exception {
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
	static HexEditor open(IpcObject object) throws Exception {
		HexEditor editor = (HexEditor) HexEditors.open(page(), object);
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
		waitUntil(() -> editor.canvas().frame() != null || editor.isGone(),
				"the editor's first read of " + object.name());
		return editor;
	}

	/** Waits for an editor job and for what it hands back to the UI thread. */
	static void join(Job job) throws InterruptedException {
		JobWaits.join(job, Duration.ofSeconds(20));
	}

	static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.waitUntil(condition, what, Duration.ofSeconds(20));
	}

	static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}

	static void screenshot(String name) throws Exception {
		spin(300);
		Screenshots.save(page().getWorkbenchWindow().getShell(), name);
	}

	/** Closes every editor, then forgets the overlays remembered for the objects named. */
	static void closeEditorsAndForgetStructs(List<String> names) throws InterruptedException {
		page().closeAllEditors(false);
		spin(100);
		for (String name : names) {
			RememberedStructs.save(name, List.of());
		}
	}
}
