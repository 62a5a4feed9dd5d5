package org.ipcscope.ui.debug.internal;

import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IProcess;

/**
 * The operating system process behind what the Debug view shows: a process, or a launch or debug
 * element whose launch started one. The pid is the process attribute
 * {@link IProcess#ATTR_PROCESS_ID}, which the platform's RuntimeProcess sets from
 * {@code java.lang.Process.pid()} and which other launchers (CDT's) set for their inferiors.
 */
final class DebugProcesses {

	private DebugProcesses() {
	}

	static OptionalLong pid(IProcess process) {
		String pid = process.getAttribute(IProcess.ATTR_PROCESS_ID);
		if (pid == null || process.isTerminated()) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(pid.strip()));
		} catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
	}

	/** @return the running process with a pid behind a Debug view element, if there is one */
	static Optional<IProcess> processOf(Object element) {
		IProcess process = Adapters.adapt(element, IProcess.class);
		if (process != null) {
			return pid(process).isPresent() ? Optional.of(process) : Optional.empty();
		}
		ILaunch launch = element instanceof IDebugElement debugElement ? debugElement.getLaunch()
				: Adapters.adapt(element, ILaunch.class);
		if (launch == null) {
			return Optional.empty();
		}
		for (IProcess candidate : launch.getProcesses()) {
			if (pid(candidate).isPresent()) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** The launch's name for the process list: its configuration's, else the process's label. */
	static String label(ILaunch launch, IProcess process) {
		return launch.getLaunchConfiguration() != null ? launch.getLaunchConfiguration().getName() : process.getLabel();
	}
}
