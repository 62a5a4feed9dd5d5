package org.ipcscope.cli.internal;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.export.InventoryText;
import org.ipcscope.core.text.NameBytes;

/** {@code list [--kind K...] [--json]}: the inventory, as a table or as JSON. */
final class ListCommand {

	static final String USAGE = "list [--kind KIND]... [--fifo-dir DIR]... [--json]\n  kinds: " + kindIds()
			+ "\n  --fifo-dir: also list FIFOs lying in DIR that no process holds open";

	private final Set<IpcKind> kinds = EnumSet.noneOf(IpcKind.class);
	private boolean json;
	private final List<Path> fifoDirectories = new ArrayList<>();
	private final Caller caller;

	/**
	 * @param caller where relative directories are, also those of its environment's
	 *               {@code IPCSCOPE_FIFO_DIRS}: not this JVM's when the resident server runs it
	 */
	ListCommand(List<String> args, Caller caller) throws UsageException {
		this.caller = caller;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
			case "--json" -> json = true;
			case "--fifo-dir" -> {
				if (i + 1 >= args.size()) {
					throw new UsageException("--fifo-dir needs a directory");
				}
				String directory = args.get(++i);
				try {
					// the bytes as given (NameBytes), not as the locale would encode them
					fifoDirectories.add(NameBytes.path(directory));
				} catch (InvalidPathException e) {
					throw new UsageException("--fifo-dir '" + directory + "' is not a directory name: " + e.getReason());
				}
			}
			case "--kind" -> {
				if (i + 1 >= args.size()) {
					throw new UsageException("--kind needs a value: " + kindIds());
				}
				addKinds(args.get(++i));
			}
			default -> {
				if (arg.startsWith("--kind=")) {
					addKinds(arg.substring("--kind=".length()));
				} else {
					throw new UsageException("list does not know '" + arg + "'");
				}
			}
			}
		}
	}

	private void addKinds(String value) throws UsageException {
		for (String id : value.split(",")) {
			try {
				kinds.add(IpcKind.fromId(id.trim()));
			} catch (IllegalArgumentException e) {
				throw new UsageException("Unknown kind '" + id + "'; known kinds: " + kindIds());
			}
		}
	}

	/** Lists with the caller's FIFO directories and this command's. */
	int run(InventoryService inventory, PrintStream out) {
		InventorySnapshot snapshot = inventory.refresh(request());
		out.print(json ? InventoryJson.write(snapshot) : InventoryText.write(snapshot));
		out.flush();
		return 0;
	}

	/** @return what the inventory is asked for */
	InventoryRequest request() {
		// absolute, so that a FIFO found in a directory and through /proc is one row, whoever runs it
		List<Path> all = new ArrayList<>();
		for (Path directory : caller.fifoDirectories()) {
			all.add(caller.workingDirectory().resolve(directory).normalize());
		}
		for (Path directory : fifoDirectories) {
			all.add(caller.workingDirectory().resolve(directory).normalize());
		}
		return new InventoryRequest(kinds, all);
	}

	private static String kindIds() {
		StringBuilder ids = new StringBuilder();
		for (IpcKind kind : IpcKind.values()) {
			ids.append(ids.isEmpty() ? "" : ", ").append(kind.id());
		}
		return ids.toString();
	}
}
