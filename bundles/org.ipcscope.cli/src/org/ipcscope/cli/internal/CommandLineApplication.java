package org.ipcscope.cli.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.ipcscope.core.InventoryService;

/**
 * The headless entry point behind {@code ./ipcscope VERB ...}. Exit codes: 0 done, 2 usage
 * error, 3 the inventory service did not come up.
 */
public class CommandLineApplication implements IApplication {

	static final int EXIT_USAGE = 2;
	static final int EXIT_NO_SERVICE = 3;

	/** How long Declarative Services may take to bring the providers up. */
	private static final long SERVICE_WAIT_SECONDS = 20;

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		List<String> args = raw == null ? List.of() : Arrays.asList(raw);
		context.applicationRunning();
		if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
			System.out.println(usage());
			return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
		}
		try {
			String verb = args.get(0);
			List<String> rest = args.subList(1, args.size());
			if (!"list".equals(verb)) {
				throw new UsageException("Unknown command '" + verb + "'");
			}
			ListCommand command = new ListCommand(rest);
			// the tracker stays open while the command runs, so DS keeps the service and its providers
			try (InventoryTracker tracker = new InventoryTracker()) {
				InventoryService inventory = tracker.await(SERVICE_WAIT_SECONDS);
				if (inventory == null) {
					System.err.println("The inventory service did not start within " + SERVICE_WAIT_SECONDS
							+ " s: the provider bundles are missing or failed (see the log in the configuration area).");
					return EXIT_NO_SERVICE;
				}
				return command.run(inventory, System.out);
			}
		} catch (UsageException e) {
			System.err.println(e.getMessage());
			System.err.println(usage());
			return EXIT_USAGE;
		}
	}

	private static String usage() {
		return "usage: ipcscope " + ListCommand.USAGE;
	}

	@Override
	public void stop() {
		// a single command runs to its end; nothing to interrupt
	}
}
