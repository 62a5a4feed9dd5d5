package org.ipcscope.ui.debug.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.ipcscope.ui.process.LaunchedProcesses;
import org.osgi.service.component.annotations.Component;

/** The processes of the workbench's running launches (run and debug alike), for the process list. */
@Component(service = LaunchedProcesses.class)
public class DebugLaunchedProcesses implements LaunchedProcesses {

	@Override
	public Map<Long, String> running() {
		Map<Long, String> pids = new HashMap<>();
		DebugPlugin debug = DebugPlugin.getDefault();
		if (debug == null) {
			return pids;
		}
		for (ILaunch launch : debug.getLaunchManager().getLaunches()) {
			for (IProcess process : launch.getProcesses()) {
				DebugProcesses.pid(process).ifPresent(pid -> pids.put(pid, DebugProcesses.label(launch, process)));
			}
		}
		return pids;
	}
}
