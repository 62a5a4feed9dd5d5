package org.ipcscope.ui.debug.internal;

import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IProcess;

/**
 * The operating system process behind what the Debug view shows: a process, or a launch or debug
 * element whose launch started one. The pid is the process attribute
 * {@link IProcess#ATTR_PROCESS_ID}, which the platform's RuntimeProcess sets from
 * {@code java.lang.Process.pid()}.
 * <p>
 * CDT's GDB launches hold two processes: gdb, whose pid is set, and the program, a stand-in
 * Process talking to gdb that has no pid. Their process-type attribute tells them apart (CDT's
 * {@code IGdbDebugConstants}, named here by value since CDT is not a dependency). The program's pid
 * is then the attach launch's configured pid, or else a child of gdb.
 */
final class DebugProcesses {

	static final String CDT_PROCESS_TYPE = "org.eclipse.cdt.dsf.gdb.createProcessType"; //$NON-NLS-1$
	static final String CDT_GDB = "org.eclipse.cdt.dsf.gdb.gdbProcess"; //$NON-NLS-1$
	static final String CDT_PROGRAM = "org.eclipse.cdt.dsf.gdb.inferiorProcess"; //$NON-NLS-1$
	static final String CDT_ATTACH_PID = "org.eclipse.cdt.launch.ATTR_ATTACH_PROCESS_ID"; //$NON-NLS-1$

	/**
	 * What Inspect Memory opens for an element.
	 *
	 * @param pid         the process to open, or, when {@code debuggerPid}, the debugger whose
	 *                    children are the programs it debugs
	 * @param debuggerPid whether {@code pid} is a debugger's
	 */
	record Target(long pid, boolean debuggerPid) {
	}

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

	/** @return what Inspect Memory opens for a Debug view element, if anything */
	static Optional<Target> targetOf(Object element) {
		IProcess process = Adapters.adapt(element, IProcess.class);
		if (process != null) {
			if (isProgramOfGdb(process) && pid(process).isEmpty()) {
				return programOf(process.getLaunch());
			}
			return pid(process).stream().mapToObj(pid -> new Target(pid, false)).findFirst();
		}
		ILaunch launch = element instanceof IDebugElement debugElement ? debugElement.getLaunch()
				: Adapters.adapt(element, ILaunch.class);
		if (launch == null) {
			return Optional.empty();
		}
		for (IProcess candidate : launch.getProcesses()) {
			OptionalLong pid = pid(candidate);
			if (pid.isPresent() && !isGdb(candidate)) {
				return Optional.of(new Target(pid.getAsLong(), false));
			}
		}
		return programOf(launch);
	}

	/** The program a CDT launch debugs: the attach launch's pid, else gdb's children. */
	private static Optional<Target> programOf(ILaunch launch) {
		if (launch == null) {
			return Optional.empty();
		}
		ILaunchConfiguration configuration = launch.getLaunchConfiguration();
		if (configuration != null) {
			try {
				int attached = configuration.getAttribute(CDT_ATTACH_PID, -1);
				if (attached > 0) {
					return Optional.of(new Target(attached, false));
				}
			} catch (CoreException e) {
				// an unreadable configuration: fall back to gdb's children
			}
		}
		for (IProcess candidate : launch.getProcesses()) {
			OptionalLong pid = pid(candidate);
			if (pid.isPresent() && isGdb(candidate)) {
				return Optional.of(new Target(pid.getAsLong(), true));
			}
		}
		return Optional.empty();
	}

	static boolean isGdb(IProcess process) {
		return CDT_GDB.equals(process.getAttribute(CDT_PROCESS_TYPE));
	}

	private static boolean isProgramOfGdb(IProcess process) {
		return CDT_PROGRAM.equals(process.getAttribute(CDT_PROCESS_TYPE));
	}

	/** The launch's name for the process list: its configuration's, else the process's label. */
	static String label(ILaunch launch, IProcess process) {
		return launch.getLaunchConfiguration() != null ? launch.getLaunchConfiguration().getName() : process.getLabel();
	}
}
