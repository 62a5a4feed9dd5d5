package org.ipcscope.ui.process.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.JobWaits;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.Screenshots;

/** What the process views' UI tests share: the helper, waiting on the UI thread, screenshots. */
final class ProcessUi {

	private ProcessUi() {
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

	static void join(Job job) throws InterruptedException {
		JobWaits.join(job, Duration.ofSeconds(60));
	}

	static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.waitUntil(condition, what, Duration.ofSeconds(30));
	}

	static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}

	static void screenshot(String name) throws Exception {
		spin(300);
		Screenshots.save(page().getWorkbenchWindow().getShell(), name);
	}
}
