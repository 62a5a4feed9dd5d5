package org.ipcscope.cli.internal;

import java.util.List;
import java.util.ServiceLoader;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.IpcProvider;
import org.ipcscope.core.memory.MemorySources;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.sniff.CopyDataSniffer;

/**
 * The command line's fast path: a plain JVM on the class path of core, the OS provider and JNA,
 * without starting OSGi (which costs seconds a script should not pay). Providers are found
 * through META-INF/services, the same classes Declarative Services uses in the workbench.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws InterruptedException {
		List<IpcProvider> providers = ServiceLoader.load(IpcProvider.class).stream().map(ServiceLoader.Provider::get)
				.toList();
		MemorySources memory = MemorySources.fromServiceLoader();
		ProcessMemoryProvider processes = ServiceLoader.load(ProcessMemoryProvider.class).findFirst().orElse(null);
		int code = CommandLine.run(List.of(args),
				() -> providers.isEmpty() ? null : kinds -> Inventory.collect(providers, kinds),
				() -> memory.isEmpty() ? null : memory, () -> processes,
				() -> ServiceLoader.load(CopyDataSniffer.class).findFirst().orElse(null), System.out, System.err);
		System.out.flush();
		System.exit(code);
	}
}
