package org.ipcscope.cli.internal;

import java.util.List;
import java.util.ServiceLoader;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventoryService;
import org.ipcscope.core.IpcProvider;
import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.memory.MemorySources;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.traffic.TrafficCapturer;

/**
 * The command line's fast path: a plain JVM on the class path of core, the OS provider and JNA,
 * without starting OSGi (which costs seconds a script should not pay). Providers are found
 * through META-INF/services, the same classes Declarative Services uses in the workbench.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws InterruptedException {
		// each verb loads only the providers it uses: a script's list should not pay for the others
		Providers providers = new Providers(Main::inventory, () -> {
			MemorySources memory = MemorySources.fromServiceLoader();
			return memory.isEmpty() ? null : memory;
		}, () -> ServiceLoader.load(ProcessMemoryProvider.class).findFirst().orElse(null),
				() -> ServiceLoader.load(CopyDataSniffer.class).findFirst().orElse(null),
				() -> ServiceLoader.load(TrafficCapturer.class).findFirst().orElse(null),
				() -> ServiceLoader.load(ClipboardReader.class).findFirst().orElse(null));
		int code = CommandLine.run(RawArguments.of(args), providers, System.out, System.err);
		System.out.flush();
		System.exit(code);
	}

	/** The inventory of the providers META-INF/services names; {@code null} if there are none. */
	static InventoryService inventory() {
		List<IpcProvider> providers = ServiceLoader.load(IpcProvider.class).stream().map(ServiceLoader.Provider::get)
				.toList();
		return providers.isEmpty() ? null : request -> Inventory.collect(providers, request);
	}
}
