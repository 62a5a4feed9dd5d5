package org.ipcscope.win32.internal.memory;

import java.io.IOException;
import java.util.List;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessAccessException;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.process.ProcessModule;
import org.ipcscope.win32.internal.nt.DosDevices;
import org.osgi.service.component.annotations.Component;

/**
 * Windows processes: the list from Toolhelp, regions from a VirtualQueryEx walk tagged with what
 * the PEB, the TEBs and the modules' PE headers tell, bytes through ReadProcessMemory. Each task
 * opens the process with the least rights it needs: the list PROCESS_QUERY_LIMITED_INFORMATION;
 * the region map PROCESS_QUERY_INFORMATION and PROCESS_VM_READ; reading PROCESS_QUERY_INFORMATION
 * (for VirtualQueryEx and the exit check) and PROCESS_VM_READ; writing, only when enabled, adds
 * PROCESS_VM_WRITE and PROCESS_VM_OPERATION.
 */
@Component(service = ProcessMemoryProvider.class)
public class WindowsProcessMemoryProvider implements ProcessMemoryProvider {

	private static final int INSPECT = ProcessFunctions.PROCESS_QUERY_INFORMATION | ProcessFunctions.PROCESS_VM_READ;
	private static final int WRITE = ProcessFunctions.PROCESS_VM_WRITE | ProcessFunctions.PROCESS_VM_OPERATION;

	@Override
	public List<ProcessInfo> processes() {
		return WindowsProcessList.read();
	}

	@Override
	public List<MemoryRegion> regions(long pid) throws IOException {
		try (OpenedProcess process = OpenedProcess.open(pid, INSPECT, "its region map")) {
			List<MemoryBasicInformation> runs = ProcessLayout.walk(process);
			if (runs.isEmpty()) {
				process.checkAlive();
				throw new ProcessAccessException("the pages of process " + pid + " cannot be listed (VirtualQueryEx failed)");
			}
			ProcessLayout layout = ProcessLayout.of(process);
			return RegionTagger.regions(runs, layout.heapTags(runs), layout.ranges(), layout.paths(DosDevices.current()));
		}
	}

	/** @return the modules loaded in the process, each with its shared sections */
	public List<LoadedModule> loadedModules(long pid) throws IOException {
		try (OpenedProcess process = OpenedProcess.open(pid, INSPECT, "its module list")) {
			return ProcessLayout.of(process).modules();
		}
	}

	@Override
	public List<ProcessModule> modules(long pid) throws IOException {
		return loadedModules(pid).stream()
				.map(m -> new ProcessModule(m.name(), m.base(), m.size(), m.path(),
						m.sharedSections().stream().map(PeSection::name).toList()))
				.sorted(java.util.Comparator.comparing(ProcessModule::base, Long::compareUnsigned)).toList();
	}

	@Override
	public MemorySource open(long pid, boolean writable) throws IOException {
		OpenedProcess process = OpenedProcess.open(pid, INSPECT | (writable ? WRITE : 0),
				writable ? "reading and writing its memory" : "reading its memory");
		return new WindowsProcessMemorySource(process, "process " + pid, writable);
	}
}
