package org.ipcscope.core.process;

import java.io.IOException;
import java.util.List;

import org.ipcscope.core.memory.MemorySource;

/**
 * Another process's memory: its region map and its bytes. OS bundles register one as a
 * Declarative Services component and in META-INF/services. Reading is read-only unless the
 * user enabled writing.
 */
public interface ProcessMemoryProvider {

	/**
	 * @return every process this user can see, in no particular order; processes that exit while
	 *         they are listed are left out, never an error
	 */
	List<ProcessInfo> processes() throws IOException;

	/**
	 * @throws ProcessAccessException when the process is gone or may not be read, with the reason
	 *                                 fit to show (not the same user, ptrace scope...)
	 */
	List<MemoryRegion> regions(long pid) throws IOException;

	/**
	 * @return the images loaded in the process in address order; by default the file-backed
	 *         regions that are images or hold executable pages, one module per file
	 * @throws ProcessAccessException as {@link #regions}
	 */
	default List<ProcessModule> modules(long pid) throws IOException {
		java.util.Map<String, long[]> spans = new java.util.LinkedHashMap<>();
		for (MemoryRegion region : regions(pid)) {
			if (region.path().startsWith("/") || region.type().equals("image")) {
				spans.merge(region.path(), new long[] { region.start(), region.end(), isCode(region) ? 1 : 0 },
						(a, b) -> new long[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] | b[2] });
			}
		}
		List<ProcessModule> modules = new java.util.ArrayList<>();
		spans.forEach((path, span) -> {
			if (span[2] == 1) {
				String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
				modules.add(new ProcessModule(name, span[0], span[1] - span[0], path, List.of()));
			}
		});
		modules.sort(java.util.Comparator.comparingLong(ProcessModule::base));
		return modules;
	}

	private static boolean isCode(MemoryRegion region) {
		return region.type().equals("image") || region.permissions().indexOf('x') >= 0;
	}

	/** Offsets of the source are addresses; unmapped or unreadable pages read as unreadable. */
	MemorySource open(long pid, boolean writable) throws IOException;
}
