package org.ipcscope.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.ipcscope.core.InventoryService;

/**
 * The verbs of {@code ./ipcscope VERB ...}, whatever started them: the plain-Java fast path
 * ({@link Main}) or the OSGi application ({@link CommandLineApplication}).
 */
final class CommandLine {

	static final int EXIT_OK = 0;
	static final int EXIT_USAGE = 2;
	static final int EXIT_NO_SERVICE = 3;

	/** Gives the inventory when a verb needs it; {@code null} if it could not be had. */
	interface InventoryAccess {
		InventoryService open() throws InterruptedException;
	}

	private CommandLine() {
	}

	static int run(List<String> args, InventoryAccess access, PrintStream out, PrintStream err)
			throws InterruptedException {
		if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
			(args.isEmpty() ? err : out).println(usage());
			return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
		}
		try {
			String verb = args.get(0);
			if (!"list".equals(verb)) {
				throw new UsageException("Unknown command '" + verb + "'");
			}
			ListCommand command = new ListCommand(args.subList(1, args.size()));
			InventoryService inventory = access.open();
			if (inventory == null) {
				err.println("No IPC object provider is available: the provider bundles are missing or failed"
						+ " (see the log in the configuration area).");
				return EXIT_NO_SERVICE;
			}
			return command.run(inventory, out);
		} catch (UsageException e) {
			err.println(e.getMessage());
			err.println(usage());
			return EXIT_USAGE;
		}
	}

	static String usage() {
		return "usage: ipcscope " + ListCommand.USAGE;
	}
}
