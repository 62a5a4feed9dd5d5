package org.ipcscope.ui.debug.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.IMenuService;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.process.internal.ProcessRow;
import org.ipcscope.ui.process.internal.ProcessesView;
import org.ipcscope.ui.process.internal.RegionMapView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A helper started as a launch of the workbench (as a run or debug launch's program is): the
 * process list shows it first and marked; the Debug view's context menu offers Inspect Memory,
 * which opens the region map of the process behind the selected launch or process. Screenshots: target/screenshots/DebugIntegrationTest-*.png
 */
class DebugIntegrationTest {

	private static final String INSPECT_MEMORY = "org.ipcscope.ui.debug.inspectMemory";

	private Process helper;
	private ILaunch launch;
	private IProcess process;

	@BeforeEach
	void launchHelper() throws Exception {
		helper = new ProcessBuilder(HelperProcess.helper("ipc_helper").toString(), "ticker", "LAUNCHED").start();
		launch = new Launch(null, ILaunchManager.RUN_MODE, null);
		process = DebugPlugin.newProcess(launch, helper, "ticker helper");
		DebugPlugin.getDefault().getLaunchManager().addLaunch(launch);
		page().getWorkbenchWindow().getShell().setSize(1280, 1000);
	}

	@AfterEach
	void stop() throws Exception {
		launch.terminate();
		helper.destroy();
		helper.waitFor(10, TimeUnit.SECONDS);
		DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
		for (IViewReference view : page().getViewReferences()) {
			if (view.getId().startsWith("org.ipcscope.ui.process")) {
				page().hideView(view);
			}
		}
		spin(100);
	}

	@Test
	void theLaunchedProcessComesFirstInTheProcessList() throws Exception {
		assertEquals(Long.toString(helper.pid()), process.getAttribute(IProcess.ATTR_PROCESS_ID));
		ProcessesView view = (ProcessesView) page().showView(ProcessesView.ID);
		view.refresh();
		waitUntil(() -> !view.table().shownRows().isEmpty() && view.table().shownRows().get(0).info().pid() == helper.pid(),
				"the launched helper first in the list");
		ProcessRow first = view.table().shownRows().get(0);
		assertEquals("ticker helper", first.launch());
		assertTrue(first.isLaunched());
		assertTrue(view.table().shownRows().stream().skip(1).noneMatch(ProcessRow::isLaunched), "no other launch runs");
		assertTrue(view.statusText().contains("1 of them from debug launches"), view.statusText());
		screenshot("DebugIntegrationTest-launched-first");
	}

	@Test
	void inspectMemoryInTheDebugViewOpensTheRegionMapOfTheProcess() throws Exception {
		IViewPart debugView = page().showView(IDebugUIConstants.ID_DEBUG_VIEW);
		MenuManager menu = new MenuManager();
		debugView.getSite().getService(IMenuService.class).populateContributionManager(menu,
				"popup:" + IDebugUIConstants.ID_DEBUG_VIEW);
		assertTrue(List.of(menu.getItems()).stream().anyMatch(item -> INSPECT_MEMORY.equals(item.getId())),
				"Inspect Memory in the Debug view's context menu: " + List.of(menu.getItems()));

		// the command as the menu runs it, on the launch (its process is found through it) and on the process
		for (Object selected : List.of(launch, process)) {
			inspectMemory(debugView, selected);
			IViewReference reference = page().findViewReference(RegionMapView.ID, Long.toString(helper.pid()));
			assertNotNull(reference, "the helper's region map from " + selected);
			RegionMapView map = (RegionMapView) reference.getView(true);
			waitUntil(() -> map.regions().shownRows().stream().anyMatch(r -> r.tag().equals("[heap]"))
					&& map.getPartName().contains("ipc_helper"), "its regions and name");
			screenshot("DebugIntegrationTest-inspect-memory");
			page().hideView(reference);
		}
	}

	/**
	 * CDT's GDB launch, as its process factory builds it: gdb with a pid, and the program as a
	 * stand-in Process without one, told apart by CDT's process-type attribute. A shell stands in
	 * for gdb: like gdb, it is the program's parent. Inspect Memory opens the program, not gdb.
	 */
	@Test
	void inspectMemoryOnAGdbLaunchOpensTheProgramNotGdb() throws Exception {
		Process gdb = new ProcessBuilder("/bin/sh", "-c", "\"$0\" ticker CDT; :",
				HelperProcess.helper("ipc_helper").toString()).start();
		ILaunch cdtLaunch = new Launch(null, ILaunchManager.DEBUG_MODE, null);
		PidlessProcess stub = new PidlessProcess();
		try {
			IProcess gdbProcess = DebugPlugin.newProcess(cdtLaunch, gdb, "gdb", Map.of(CDT_PROCESS_TYPE, CDT_GDB));
			IProcess program = DebugPlugin.newProcess(cdtLaunch, stub, "program", Map.of(CDT_PROCESS_TYPE, CDT_PROGRAM));
			assertEquals(null, program.getAttribute(IProcess.ATTR_PROCESS_ID), "the stand-in has no pid, as CDT's");
			assertEquals(Long.toString(gdb.pid()), gdbProcess.getAttribute(IProcess.ATTR_PROCESS_ID));
			DebugPlugin.getDefault().getLaunchManager().addLaunch(cdtLaunch);
			waitUntil(() -> gdb.children().findAny().isPresent(), "the program started under the stand-in gdb");
			long child = gdb.children().findFirst().orElseThrow().pid();

			IViewPart debugView = page().showView(IDebugUIConstants.ID_DEBUG_VIEW);
			for (Object selected : List.of(cdtLaunch, program)) {
				inspectMemory(debugView, selected);
				waitUntil(() -> page().findViewReference(RegionMapView.ID, Long.toString(child)) != null,
						"the program's region map from " + selected);
				assertEquals(null, page().findViewReference(RegionMapView.ID, Long.toString(gdb.pid())),
						"no region map of gdb");
				screenshot("DebugIntegrationTest-gdb-launch");
				page().hideView(page().findViewReference(RegionMapView.ID, Long.toString(child)));
			}
		} finally {
			DebugPlugin.getDefault().getLaunchManager().removeLaunch(cdtLaunch);
			stub.destroy();
			gdb.descendants().forEach(ProcessHandle::destroy);
			gdb.destroy();
			gdb.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static final String CDT_PROCESS_TYPE = "org.eclipse.cdt.dsf.gdb.createProcessType";
	private static final String CDT_GDB = "org.eclipse.cdt.dsf.gdb.gdbProcess";
	private static final String CDT_PROGRAM = "org.eclipse.cdt.dsf.gdb.inferiorProcess";

	/** Like CDT's MIInferiorProcess: a Process talking to gdb, which has no pid of its own. */
	private static final class PidlessProcess extends Process {

		private final CountDownLatch ended = new CountDownLatch(1);

		@Override
		public OutputStream getOutputStream() {
			return OutputStream.nullOutputStream();
		}

		@Override
		public InputStream getInputStream() {
			return InputStream.nullInputStream();
		}

		@Override
		public InputStream getErrorStream() {
			return InputStream.nullInputStream();
		}

		@Override
		public int waitFor() throws InterruptedException {
			ended.await();
			return 0;
		}

		@Override
		public int exitValue() {
			if (ended.getCount() > 0) {
				throw new IllegalThreadStateException("running");
			}
			return 0;
		}

		@Override
		public void destroy() {
			ended.countDown();
		}
	}

	private static void inspectMemory(IViewPart debugView, Object selected) throws Exception {
		IHandlerService handlers = debugView.getSite().getService(IHandlerService.class);
		ICommandService commands = debugView.getSite().getService(ICommandService.class);
		IEvaluationContext context = handlers.createContextSnapshot(false);
		context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(selected));
		handlers.executeCommandInContext(new ParameterizedCommand(commands.getCommand(INSPECT_MEMORY), null), null,
				context);
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		DisplayWaits.waitUntil(condition, what, Duration.ofSeconds(30));
	}

	private static void spin(long millis) throws InterruptedException {
		DisplayWaits.spin(millis);
	}

	private static void screenshot(String name) throws Exception {
		spin(300);
		Screenshots.save(page().getWorkbenchWindow().getShell(), name);
	}
}
