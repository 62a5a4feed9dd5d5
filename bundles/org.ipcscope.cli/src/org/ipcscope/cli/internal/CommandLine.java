package org.ipcscope.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.sniff.CopyDataSniffer;

/**
 * The verbs of {@code ./ipcscope VERB ...}, whatever started them: the plain-Java fast path
 * ({@link Main}) or the OSGi application ({@link CommandLineApplication}).
 */
final class CommandLine {

	static final int EXIT_OK = 0;
	/** A fault of IPC Scope's own, which no input should cause. */
	static final int EXIT_INTERNAL = 1;
	static final int EXIT_USAGE = 2;
	static final int EXIT_NO_SERVICE = 3;
	/** The object asked for does not exist, is gone, or could not be read. */
	static final int EXIT_NOT_FOUND = 4;

	/** Gives the inventory when a verb needs it; {@code null} if it could not be had. */
	interface InventoryAccess {
		InventoryService open() throws InterruptedException;
	}

	/** Gives the memory sources when a verb needs them; {@code null} if they could not be had. */
	interface MemoryAccess {
		MemorySourceService open() throws InterruptedException;
	}

	/** Gives another process's memory when a verb needs it; {@code null} if it could not be had. */
	interface ProcessAccess {
		ProcessMemoryProvider open() throws InterruptedException;
	}

	/** Gives the WM_COPYDATA sniffer when a verb needs it; {@code null} if it could not be had. */
	interface SnifferAccess {
		CopyDataSniffer open() throws InterruptedException;
	}

	private CommandLine() {
	}

	static int run(List<String> args, InventoryAccess inventory, MemoryAccess memory, PrintStream out,
			PrintStream err) throws InterruptedException {
		return run(args, inventory, memory, () -> null, out, err);
	}

	static int run(List<String> args, InventoryAccess inventory, MemoryAccess memory, ProcessAccess processes,
			PrintStream out, PrintStream err) throws InterruptedException {
		return run(args, inventory, memory, processes, () -> null, out, err);
	}

	static int run(List<String> args, InventoryAccess inventory, MemoryAccess memory, ProcessAccess processes,
			SnifferAccess sniffer, PrintStream out, PrintStream err) throws InterruptedException {
		return run(args, Path.of("").toAbsolutePath(), inventory, memory, processes, sniffer, out, err);
	}

	/** @param workingDirectory the caller's, against which relative paths of the arguments are taken */
	static int run(List<String> args, Path workingDirectory, InventoryAccess inventory, MemoryAccess memory,
			ProcessAccess processes, SnifferAccess sniffer, PrintStream out, PrintStream err) throws InterruptedException {
		PrintStream messages = MessageStream.wrap(err);
		if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
			printUsage(args.isEmpty() ? err : out);
			return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
		}
		try {
			String verb = args.get(0);
			List<String> rest = args.subList(1, args.size());
			return switch (verb) {
			case "list" -> list(new ListCommand(rest, workingDirectory), inventory, out, messages);
			case "hex" -> new HexCommand(rest).run(memory, inventory, out, messages);
			case "regions", "modules", "dump", "search" -> processVerb(verb, rest, processes, out, messages);
			case "sniff", "windows" -> sniffVerb(verb, rest, sniffer, out, messages);
			case "daemon" -> DaemonCommand.run(rest, out, messages);
			default -> throw new UsageException("Unknown command '" + verb + "'");
			};
		} catch (UsageException e) {
			messages.println(e.getMessage());
			printUsage(err);
			return EXIT_USAGE;
		} catch (RuntimeException | StackOverflowError e) {
			// a fault of ours, not of the input: one line that says so, never a stack trace
			out.flush();
			messages.println("Internal error, please report it: " + e);
			return EXIT_INTERNAL;
		}
	}

	/** The usage is ours, on several lines, with backslashes meant as such: printed as it is. */
	private static void printUsage(PrintStream stream) {
		stream.println(usage());
	}

	/** @return whether standard output failed (closed by its reader, as {@code | head} does): time to stop */
	static boolean outputClosed(PrintStream out) {
		return out.checkError();
	}

	private static int list(ListCommand command, InventoryAccess access, PrintStream out, PrintStream err)
			throws InterruptedException {
		InventoryService inventory = access.open();
		if (inventory == null) {
			noProvider(err);
			return EXIT_NO_SERVICE;
		}
		return command.run(inventory, out);
	}

	private static int processVerb(String verb, List<String> rest, ProcessAccess access, PrintStream out,
			PrintStream err) throws InterruptedException, UsageException {
		ProcessMemoryProvider processes = access.open();
		if (processes == null) {
			err.println("No process memory provider is available for this system.");
			return EXIT_NO_SERVICE;
		}
		return ProcessCommands.run(verb, rest, processes, out, err);
	}

	private static int sniffVerb(String verb, List<String> rest, SnifferAccess access, PrintStream out, PrintStream err)
			throws InterruptedException, UsageException {
		SniffCommand sniff = verb.equals("sniff") ? new SniffCommand(rest) : null;
		WindowsCommand windows = sniff == null ? new WindowsCommand(rest) : null;
		// asked before waiting for a service that no bundle of this OS provides
		if (!System.getProperty("os.name", "").startsWith("Windows")) {
			err.println("WM_COPYDATA exists only on Windows: there are no windows to " + (sniff != null ? "sniff" : "list")
					+ " on " + System.getProperty("os.name") + ".");
			return EXIT_NO_SERVICE;
		}
		CopyDataSniffer sniffer = access.open();
		if (sniffer == null) {
			err.println("No WM_COPYDATA sniffer is available: the Windows provider bundle is missing or failed.");
			return EXIT_NO_SERVICE;
		}
		return sniff != null ? sniff.run(sniffer, out, err) : windows.run(sniffer, out, err);
	}

	static void noProvider(PrintStream err) {
		err.println("No IPC object provider is available: the provider bundles are missing or failed"
				+ " (see the log in the configuration area).");
	}

	static String usage() {
		return "usage: ipcscope " + ListCommand.USAGE + "\n       ipcscope " + HexCommand.USAGE + "\n       ipcscope "
				+ ProcessCommands.USAGE + "\n       ipcscope " + SniffCommand.USAGE + "\n       ipcscope " + WindowsCommand.USAGE
				+ "\n       ipcscope " + DaemonCommand.USAGE;
	}
}
