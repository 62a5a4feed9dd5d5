package org.ipcscope.ui.process;

import java.util.Map;

/**
 * Processes the workbench itself started, such as the programs of running debug launches: the
 * process list shows them first. Registered as an OSGi service by the debugger integration, which
 * is optional: without it the list is just sorted by pid.
 */
public interface LaunchedProcesses {

	/** @return the launch's label for the pid of each process still running; called from a job */
	Map<Long, String> running();
}
