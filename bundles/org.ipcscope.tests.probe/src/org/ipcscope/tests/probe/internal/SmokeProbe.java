package org.ipcscope.tests.probe.internal;

import org.eclipse.ui.IStartup;

/**
 * Entry point of the smoke test probe: once the workbench is up, checks what an installed IPC Scope
 * shows and writes a report for the test script. Inert unless {@code -Dipcscope.probe.report} is set,
 * so a probe left in an installation by mistake changes nothing.
 */
public class SmokeProbe implements IStartup {

	@Override
	public void earlyStartup() {
		ProbeSettings.fromSystemProperties().ifPresent(settings -> {
			// Own thread: early startup runs in a job the workbench may wait for while it closes.
			Thread thread = new Thread(new ProbeRun(settings), "IPC Scope smoke probe");
			thread.setDaemon(true);
			thread.start();
		});
	}
}
