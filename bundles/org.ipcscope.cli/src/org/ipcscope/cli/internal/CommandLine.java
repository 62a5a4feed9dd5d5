package org.ipcscope.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.traffic.TrafficCapturer;

/**
 * The verbs of {@code ./ipcscope VERB ...}, whatever started them: the plain-Java fast path
 * ({@link Main}) or the OSGi application ({@link CommandLineApplication}).
 */
final class CommandLine {

	static final int EXIT_OK = 0;
	/** {@code search} found nothing, as grep says it. */
	static final int EXIT_NO_MATCH = 1;
	/** A fault of IPC Scope's own, which no input should cause (sysexits' EX_SOFTWARE). */
	static final int EXIT_INTERNAL = 70;
	static final int EXIT_USAGE = 2;
	static final int EXIT_NO_SERVICE = 3;
	/** The object asked for does not exist, is gone, or could not be read. */
	static final int EXIT_NOT_FOUND = 4;

	private CommandLine() {
	}

	/** Runs a verb for this JVM's own caller ({@link Caller#current()}). */
	static int run(List<String> args, Providers providers, PrintStream out, PrintStream err) throws InterruptedException {
		return run(args, Caller.current(), providers, out, err);
	}

	/**
	 * @param caller    whom it runs for: where relative paths of the arguments are, and the environment
	 * @param providers what the verbs may open
	 */
	static int run(List<String> args, Caller caller, Providers providers, PrintStream out, PrintStream err)
			throws InterruptedException {
		PrintStream messages = MessageStream.wrap(err);
		if (args.isEmpty()) {
			printUsage(err, null);
			return EXIT_USAGE;
		}
		String verb = args.get(0);
		if (args.contains("--help") || args.contains("-h")) {
			printUsage(out, verb);
			return EXIT_OK;
		}
		if (verb.equals("--version") || verb.equals("version")) {
			out.println("IPC Scope " + Version.of(CommandLine.class));
			return EXIT_OK;
		}
		try {
			List<String> rest = args.subList(1, args.size());
			return switch (verb) {
			case "help" -> help(rest, out);
			case "list" -> list(new ListCommand(rest, caller), providers.inventory(), out, messages);
			case "hex" -> new HexCommand(rest, caller.workingDirectory()).run(providers.memory(), providers.inventory(), out,
					messages);
			case "regions", "modules", "dump", "search", "processes" -> processVerb(verb, rest, caller.workingDirectory(),
					providers.processes(), out, messages);
			case "sniff", "windows" -> sniffVerb(verb, rest, providers.sniffer(), out, messages);
			case "tap" -> tap(new TapCommand(rest), providers.traffic(), out, messages);
			case "clipboard" -> clipboard(new ClipboardCommand(rest), providers.clipboard(), out, messages);
			case "daemon" -> DaemonCommand.run(rest, out, messages);
			default -> throw new UsageException("Unknown command '" + verb + "'");
			};
		} catch (UsageException e) {
			messages.println(e.getMessage());
			printUsage(err, verb);
			return EXIT_USAGE;
		} catch (RuntimeException | StackOverflowError e) {
			// a fault of ours, not of the input: one line that says so, never a stack trace
			out.flush();
			messages.println("Internal error, please report it: " + e);
			return EXIT_INTERNAL;
		}
	}

	/**
	 * The usage of {@code verb}, or of every verb when it is none of them. Ours, on several lines,
	 * with backslashes meant as such: printed as it is.
	 */
	private static void printUsage(PrintStream stream, String verb) {
		stream.println(usageFor(verb));
	}

	/** {@code help} lists every verb; {@code help VERB} shows that verb's usage. */
	private static int help(List<String> rest, PrintStream out) throws UsageException {
		if (rest.size() > 1 || (rest.size() == 1 && !VERBS.containsKey(rest.get(0)))) {
			throw new UsageException("help takes one of the verbs: " + String.join(" ", VERBS.keySet()));
		}
		printUsage(out, rest.isEmpty() ? null : rest.get(0));
		return EXIT_OK;
	}

	/** @return whether standard output failed (closed by its reader, as {@code | head} does): time to stop */
	static boolean outputClosed(PrintStream out) {
		return out.checkError();
	}

	private static int list(ListCommand command, Providers.InventoryAccess access, PrintStream out, PrintStream err)
			throws InterruptedException {
		InventoryService inventory = access.open();
		if (inventory == null) {
			noProvider(err);
			return EXIT_NO_SERVICE;
		}
		return command.run(inventory, out);
	}

	private static int processVerb(String verb, List<String> rest, Path workingDirectory, Providers.ProcessAccess access,
			PrintStream out, PrintStream err) throws InterruptedException, UsageException {
		ProcessMemoryProvider processes = access.open();
		if (processes == null) {
			err.println("No process memory provider is available for this system.");
			return EXIT_NO_SERVICE;
		}
		return verb.equals("processes") ? new ProcessesCommand(rest).run(processes, out, err)
				: ProcessCommands.run(verb, rest, workingDirectory, processes, out, err);
	}

	private static int sniffVerb(String verb, List<String> rest, Providers.SnifferAccess access, PrintStream out, PrintStream err)
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

	private static int tap(TapCommand tap, Providers.TrafficAccess access, PrintStream out, PrintStream err)
			throws InterruptedException, UsageException {
		TrafficCapturer capturer = access.open();
		if (capturer == null) {
			err.println("Traffic capture is not available: no capturer for " + System.getProperty("os.name")
					+ " is installed, or its bundle failed.");
			return EXIT_NO_SERVICE;
		}
		return tap.run(capturer, out, err);
	}

	private static int clipboard(ClipboardCommand command, Providers.ClipboardAccess access, PrintStream out, PrintStream err)
			throws InterruptedException {
		ClipboardReader reader = access.open();
		if (reader == null) {
			err.println("No clipboard reader is available for " + System.getProperty("os.name")
					+ ": its provider bundle is missing or failed.");
			return EXIT_NO_SERVICE;
		}
		return command.run(reader, out, err);
	}

	static void noProvider(PrintStream err) {
		err.println("No IPC object provider is available: the provider bundles are missing or failed"
				+ " (see the log in the configuration area).");
	}

	/** Each verb and its usage, in the order the whole usage lists them. */
	static final Map<String, String> VERBS = verbs();

	private static Map<String, String> verbs() {
		Map<String, String> verbs = new LinkedHashMap<>();
		verbs.put("list", ListCommand.USAGE);
		verbs.put("hex", HexCommand.USAGE);
		verbs.put("processes", ProcessesCommand.USAGE);
		verbs.put("regions", ProcessCommands.REGIONS_USAGE);
		verbs.put("modules", ProcessCommands.MODULES_USAGE);
		verbs.put("dump", ProcessCommands.DUMP_USAGE);
		verbs.put("search", ProcessCommands.SEARCH_USAGE);
		verbs.put("sniff", SniffCommand.USAGE);
		verbs.put("windows", WindowsCommand.USAGE);
		verbs.put("tap", TapCommand.USAGE);
		verbs.put("clipboard", ClipboardCommand.USAGE);
		verbs.put("daemon", DaemonCommand.USAGE);
		verbs.put("help", "help [VERB]   (this list, or one verb's usage; also VERB --help)");
		verbs.put("--version", "--version");
		return Collections.unmodifiableMap(verbs);
	}

	/** @return the usage of every verb */
	static String usage() {
		return usageFor(null);
	}

	/** @return the usage of {@code verb}, or of every verb when it is none (a usage error then shows all) */
	static String usageFor(String verb) {
		String one = verb == null ? null : VERBS.get(verb);
		if (one != null) {
			return "usage: " + CommandName.get() + " " + one;
		}
		return VERBS.values().stream().map(usage -> CommandName.get() + " " + usage).collect(Collectors.joining("\n       ", "usage: ", ""));
	}
}
