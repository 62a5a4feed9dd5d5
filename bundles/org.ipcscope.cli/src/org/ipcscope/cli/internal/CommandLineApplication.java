package org.ipcscope.cli.internal;

import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.ipcscope.core.InventoryService;
import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.traffic.TrafficCapturer;

/**
 * The command line inside the OSGi runtime ({@code -application org.ipcscope.cli.application}),
 * with the providers that Declarative Services registers. Exit codes as {@link CommandLine}.
 */
public class CommandLineApplication implements IApplication {

	/** How long Declarative Services may take to bring the providers up. */
	private static final long SERVICE_WAIT_SECONDS = 20;

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		List<String> args = raw == null ? List.of() : RawArguments.of(raw);
		context.applicationRunning();
		// the trackers stay open while the command runs, so DS keeps the services and their providers
		try (TrackedService<InventoryService> inventory = new TrackedService<>(InventoryService.class);
				TrackedService<MemorySourceService> memory = new TrackedService<>(MemorySourceService.class);
				TrackedService<ProcessMemoryProvider> processes = new TrackedService<>(ProcessMemoryProvider.class);
				TrackedService<CopyDataSniffer> sniffer = new TrackedService<>(CopyDataSniffer.class);
				TrackedService<TrafficCapturer> traffic = new TrackedService<>(TrafficCapturer.class);
				TrackedService<ClipboardReader> clipboard = new TrackedService<>(ClipboardReader.class)) {
			Providers providers = new Providers(() -> inventory.await(SERVICE_WAIT_SECONDS),
					() -> memory.await(SERVICE_WAIT_SECONDS), () -> processes.await(SERVICE_WAIT_SECONDS),
					() -> sniffer.await(SERVICE_WAIT_SECONDS), () -> traffic.await(SERVICE_WAIT_SECONDS),
					() -> clipboard.await(SERVICE_WAIT_SECONDS));
			return CommandLine.run(args, providers, System.out, System.err);
		}
	}

	@Override
	public void stop() {
		// a single command runs to its end; nothing to interrupt
	}
}
