package org.ipcscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcProvider;

/**
 * One inventory refresh inside a running IPC Scope, as the view's auto-refresh does it: the same
 * providers, warmed up (250 refreshes unless a third argument says otherwise), asked again and
 * again. Prints the median and the best wall time, the CPU time a refresh takes (this JVM's and
 * its helper processes', which a busy machine distorts less than wall time) and the object count.
 */
public final class InventoryRefreshBench {

	public static void main(String[] args) throws IOException {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int ticksPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 100; // getconf CLK_TCK
		List<IpcProvider> providers = ServiceLoader.load(IpcProvider.class).stream().map(ServiceLoader.Provider::get)
				.toList();
		InventorySnapshot snapshot = null;
		// a view refreshing every second has done this 250 times within five minutes; before, the JIT
		// compiler is still at work (this JVM's own CPU per refresh, measured in rounds of 50 on the busy
		// machine: 138, 97, 90, 61, then 26-35 ms from the 200th refresh on)
		int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 250;
		for (int i = 0; i < warmUp; i++) {
			snapshot = Inventory.collect(providers, Set.of());
		}
		List<Long> nanos = new ArrayList<>();
		long cpuBefore = cpuTicks();
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			snapshot = Inventory.collect(providers, Set.of());
			nanos.add(System.nanoTime() - start);
		}
		long cpu = cpuTicks() - cpuBefore;
		Collections.sort(nanos);
		System.out.printf("%.1f %.1f %.1f %d%n", nanos.get(nanos.size() / 2) / 1e6, nanos.get(0) / 1e6,
				cpu * 1000.0 / ticksPerSecond / rounds, snapshot.objects().size());
	}

	/** user + system time of this process and of its children that ended, in clock ticks */
	private static long cpuTicks() throws IOException {
		String stat = Files.readString(Path.of("/proc/self/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields 14 to 17 of proc(5), counted from the state (field 3) here
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
				+ Long.parseLong(fields[14]);
	}
}
