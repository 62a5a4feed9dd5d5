package org.ipcscope.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;

/**
 * IPC Scope's search inside a running JVM, as the search view runs it: the Linux provider found
 * through ServiceLoader, MemorySearch over [START, END) of a process. Each pattern is searched once
 * to warm up, then RUNS times. Prints per pattern: median wall ms, MiB/s, hit count, whether the
 * expected address was among the hits, median CPU ms of the whole JVM (both search threads).
 *   ProcessSearchBench PID START END RUNS EXPECTED PATTERN [EXPECTED PATTERN]...
 */
public final class ProcessSearchBench {

	public static void main(String[] args) throws Exception {
		long pid = Long.parseLong(args[0]);
		long start = Long.parseUnsignedLong(args[1].substring(2), 16);
		long end = Long.parseUnsignedLong(args[2].substring(2), 16);
		int runs = Integer.parseInt(args[3]);
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
		ProcessMemoryProvider provider = ServiceLoader.load(ProcessMemoryProvider.class).findFirst().orElseThrow();
		try (MemorySource memory = provider.open(pid, false)) {
			for (int p = 4; p + 1 < args.length; p += 2) {
				long expected = Long.parseUnsignedLong(args[p].substring(2), 16);
				MemorySearch search = new MemorySearch(memory, PatternSyntax.parse(args[p + 1]));
				List<Long> hits = new ArrayList<>();
				List<Long> nanos = new ArrayList<>();
				List<Long> cpu = new ArrayList<>();
				for (int run = 0; run <= runs; run++) {
					hits.clear();
					long begin = System.nanoTime();
					long beginCpu = os.getProcessCpuTime();
					search.all(start, end, ScanMonitor.NONE, hits::add);
					if (run > 0) {
						nanos.add(System.nanoTime() - begin);
						cpu.add(os.getProcessCpuTime() - beginCpu);
					}
				}
				Collections.sort(nanos);
				Collections.sort(cpu);
				double ms = nanos.get(nanos.size() / 2) / 1e6;
				System.out.printf("%s\t%.1f\t%.0f\t%d\t%s\t%.0f%n", args[p + 1], ms, (end - start) / 1048576.0 / (ms / 1000),
						hits.size(), hits.contains(expected) ? "found" : "MISSED", cpu.get(cpu.size() / 2) / 1e6);
			}
		}
	}
}
