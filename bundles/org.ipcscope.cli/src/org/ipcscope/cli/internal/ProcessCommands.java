package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.hex.OffsetExpression;
import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.process.ProcessModule;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.core.text.NameBytes;
import org.ipcscope.core.text.Printable;

/**
 * {@code regions PID [--json]}, {@code modules PID [--json]}, {@code dump PID ADDR LEN [-o FILE]} and
 * {@code search PID PATTERN [--json] [--max N]}: another process's memory, read-only.
 */
final class ProcessCommands {

	static final String REGIONS_USAGE = "regions PID [--json]";
	static final String MODULES_USAGE = "modules PID [--json]";
	static final String DUMP_USAGE = "dump PID ADDR LEN [-o FILE]\n       ipcscope dump PID ADDR --struct FILE.h:Type[@OFFSET][xN]"
			+ " [--abi msvc64|msvc32|sysv64] [--define NAME[=VALUE]]... [--include DIR] [--watch MS] [--json]\n"
			+ "  --struct: the fields of a C struct at ADDR+OFFSET with their values; --watch: only those that change."
			+ " Default ABI: msvc32 or msvc64 by the process's bitness on Windows, sysv64 on Linux";
	static final String SEARCH_USAGE = "search PID PATTERN [--json] [--max N]   PATTERN: " + PatternSyntax.HELP
			+ "\n  --max: print at most N matches (default " + SearchOutput.DEFAULT_MAX + "), then count the others"
			+ "\n  exit code 0: found, 1: nothing found (as grep), 4: no such process or it could not be read";

	private static final int DUMP_CHUNK = 1 << 20;

	private ProcessCommands() {
	}

	static int run(String verb, List<String> args, ProcessMemoryProvider processes, PrintStream out, PrintStream err)
			throws UsageException {
		try {
			return run(verb, args, Path.of("").toAbsolutePath(), processes, out, err);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return CommandLine.EXIT_NOT_FOUND;
		}
	}

	/** @param workingDirectory the caller's: a relative --struct FILE is taken against it */
	static int run(String verb, List<String> args, Path workingDirectory, ProcessMemoryProvider processes,
			PrintStream out, PrintStream err) throws UsageException, InterruptedException {
		List<String> positional = new ArrayList<>();
		StructOptions struct = new StructOptions(workingDirectory);
		long watch = -1;
		boolean json = false;
		Path file = null;
		long max = SearchOutput.DEFAULT_MAX;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			int last = verb.equals("dump") ? struct.take(args, i) : -1;
			if (last >= 0) {
				i = last;
			} else if (arg.equals("--watch") && verb.equals("dump")) {
				watch = watch(value(args, ++i, arg));
			} else if (arg.equals("--json")) {
				json = true;
			} else if (arg.equals("-o") && verb.equals("dump")) {
				file = path(value(args, ++i, arg));
			} else if (arg.equals("--max") && verb.equals("search")) {
				max = max(value(args, ++i, arg));
			} else if (arg.startsWith("-") && !arg.matches("-\\d.*")) {
				throw new UsageException(verb + " does not know '" + arg + "'");
			} else {
				positional.add(arg);
			}
		}
		struct.checkAlone();
		int expected = switch (verb) {
		case "regions", "modules" -> 1;
		case "dump" -> struct.wanted() ? 2 : 3;
		default -> 2;
		};
		if (verb.equals("dump") && !struct.wanted() && (json || watch > 0)) {
			throw new UsageException("dump takes --json and --watch with --struct");
		}
		if (struct.wanted() && file != null) {
			throw new UsageException("dump writes bytes with -o, not a struct");
		}
		if (positional.size() != expected) {
			throw new UsageException(verb + " needs " + expected + " argument" + (expected > 1 ? "s" : ""));
		}
		long pid = pid(positional.get(0));
		try {
			return switch (verb) {
			case "regions" -> regions(pid, processes.regions(pid), json, out);
			case "modules" -> modules(pid, processes.modules(pid), json, out);
			case "dump" -> struct.wanted() ? StructDump.run(processes, pid, address(positional.get(1)), struct, watch, json,
					out, err) : dump(processes, pid, address(positional.get(1)), length(positional.get(2)), file, out, err);
			default -> search(processes, pid, pattern(positional.get(1)), json, max, out, err);
			};
		} catch (IOException e) {
			out.flush();
			err.println(e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		}
	}

	private static String value(List<String> args, int index, String option) throws UsageException {
		if (index >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(index);
	}

	private static Path path(String text) throws UsageException {
		// Path.of drops a trailing slash: "-o dir/" wrote a file named dir
		if (text.endsWith("/")) {
			throw new UsageException("-o '" + text + "' names a directory; -o takes the file to write");
		}
		try {
			// the bytes as given (NameBytes), not as the locale would encode them
			return NameBytes.path(text);
		} catch (InvalidPathException e) {
			throw new UsageException("-o '" + text + "' is not a file name: " + e.getReason());
		}
	}

	private static long watch(String text) throws UsageException {
		if (text.matches("[0-9]{1,18}") && Long.parseLong(text) >= 10) {
			return Long.parseLong(text);
		}
		throw new UsageException("--watch takes milliseconds, at least 10: '" + text + "'");
	}

	private static long max(String text) throws UsageException {
		if (text.matches("[0-9]{1,18}")) {
			return Long.parseLong(text);
		}
		throw new UsageException("--max takes a number of matches, 0 or more: '" + text + "'");
	}

	/** Linux's pid_max is at most 2^22, Windows' ids are 32-bit: a bigger number names no process. */
	private static long pid(String text) throws UsageException {
		if (text.matches("[0-9]{1,10}")) {
			long pid = Long.parseLong(text);
			if (pid > 0 && pid <= 0xffffffffL) {
				return pid;
			}
		}
		throw new UsageException("PID '" + text + "' is not a process id (a decimal number from 1 to 4294967295)");
	}

	private static BytePattern pattern(String spec) throws UsageException {
		try {
			return PatternSyntax.parse(spec);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	/** An address as regions prints it (0x...), or in decimal; 0 to 2^64-1. */
	private static long address(String text) throws UsageException {
		// ASCII digits only: the JDK's parsers also take other scripts' digits
		try {
			if (text.matches("0[xX][0-9a-fA-F]{1,16}")) {
				return Long.parseUnsignedLong(text.substring(2), 16);
			}
			if (text.matches("[0-9]{1,20}")) {
				return Long.parseUnsignedLong(text);
			}
		} catch (NumberFormatException e) {
			// past 2^64: said below
		}
		throw new UsageException("ADDR '" + text + "' is not an address (0x... or decimal, below 2^64)");
	}

	private static long length(String text) throws UsageException {
		long length;
		try {
			length = OffsetExpression.evaluate(text);
		} catch (IllegalArgumentException e) {
			throw new UsageException("LEN: " + e.getMessage());
		}
		if (length < 1) {
			throw new UsageException("LEN must be at least 1, not " + length);
		}
		return length;
	}

	/** The envelope of every JSON document of these verbs: versioned, the pid, then the list under {@code key}. */
	static String jsonStart(long pid, String key) {
		return "{\"format\": " + JSON_FORMAT + ", \"pid\": " + pid + ", \"" + key + "\": [";
	}

	/** Bumped when a field of regions, modules or search changes meaning or goes away. */
	static final int JSON_FORMAT = 1;

	private static int regions(long pid, List<MemoryRegion> regions, boolean json, PrintStream out) {
		if (json) {
			StringBuilder text = new StringBuilder(jsonStart(pid, "regions"));
			int start = text.length();
			for (MemoryRegion region : regions) {
				text.append(text.length() == start ? "\n  " : ",\n  ").append(String.format(
						"{\"start\": \"0x%x\", \"end\": \"0x%x\", \"size\": %d, \"permissions\": \"%s\", \"type\": \"%s\", \"path\": %s, \"tag\": \"%s\"}",
						region.start(), region.end(), region.size(), region.permissions(), region.type(),
						InventoryJson.quote(region.path()), region.tag()));
			}
			out.println(text.append(regions.isEmpty() ? "]}" : "\n]}"));
		} else {
			for (MemoryRegion region : regions) {
				out.printf("%016x-%016x %12d %-5s %-8s %s%n", region.start(), region.end(), region.size(),
						region.permissions(), region.type(), Printable.escape(pathAndTag(region)));
			}
		}
		return CommandLine.EXIT_OK;
	}

	private static int modules(long pid, List<ProcessModule> modules, boolean json, PrintStream out) {
		if (json) {
			StringBuilder text = new StringBuilder(jsonStart(pid, "modules"));
			int start = text.length();
			for (ProcessModule module : modules) {
				text.append(text.length() == start ? "\n  " : ",\n  ").append(String.format(
						"{\"name\": %s, \"base\": \"0x%x\", \"size\": %d, \"path\": %s, \"sharedSections\": [%s]}",
						InventoryJson.quote(module.name()), module.base(), module.size(),
						InventoryJson.quote(module.path()), String.join(", ",
								module.sharedSections().stream().map(InventoryJson::quote).toList())));
			}
			out.println(text.append(modules.isEmpty() ? "]}" : "\n]}"));
		} else {
			for (ProcessModule module : modules) {
				out.printf("%016x %12d %s%n", module.base(), module.size(), Printable.escape(module.path()
						+ (module.sharedSections().isEmpty() ? "" : " [shared: " + String.join(", ", module.sharedSections()) + "]")));
			}
		}
		return CommandLine.EXIT_OK;
	}

	/** Linux tags repeat the path ([heap]); Windows tags (PEB, stack of thread N...) stand beside it. */
	private static String pathAndTag(MemoryRegion region) {
		String path = region.path();
		String tag = region.tag();
		if (tag.isEmpty() || tag.equals(path)) {
			return path;
		}
		return path.isEmpty() ? "[" + tag + "]" : path + " [" + tag + "]";
	}

	private static int dump(ProcessMemoryProvider processes, long pid, long address, long length, Path file,
			PrintStream out, PrintStream err) throws IOException, UsageException {
		checkMapped(processes.regions(pid), pid, address, length);
		OutputStream sink = null;
		if (file != null) {
			try {
				// never through a link someone planted where the file goes
				sink = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
						StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
			} catch (IOException e) {
				throw new IOException("Cannot write " + FileProblems.describe(file, e), e);
			}
		}
		try (MemorySource memory = processes.open(pid, false); OutputStream closing = sink) {
			long unreadable = 0;
			for (long done = 0; done < length; done += DUMP_CHUNK) {
				MemoryRead read = memory.read(address + done, (int) Math.min(DUMP_CHUNK, length - done));
				unreadable += read.unreadable().cardinality();
				if (sink != null) {
					sink.write(read.bytes());
				} else {
					for (int row = 0; row < read.bytes().length; row += 16) {
						out.println(row(address + done + row, read, row));
					}
					if (CommandLine.outputClosed(out)) {
						return CommandLine.EXIT_NOT_FOUND;
					}
				}
			}
			out.flush();
			if (unreadable > 0) {
				// the file keeps its offsets: unreadable bytes are written as 0 and counted here
				err.println(unreadable + " bytes could not be read (unmapped or protected)"
						+ (sink != null ? " and are 0 in " + NameBytes.name(file) : " and show as ??"));
			}
		}
		return CommandLine.EXIT_OK;
	}

	/**
	 * Refuses a range that does not start in a mapping or runs past the end of the mappings that
	 * follow it without a gap (an image's sections are one range): no read wraps past 2^64.
	 */
	static void checkMapped(List<MemoryRegion> regions, long pid, long address, long length)
			throws UsageException {
		long start = -1;
		long end = -1;
		for (MemoryRegion region : regions) {
			if (start < 0 && Long.compareUnsigned(region.start(), address) <= 0
					&& Long.compareUnsigned(address, region.end()) < 0) {
				start = region.start();
				end = region.end();
			} else if (start >= 0 && region.start() == end) {
				end = region.end();
			} else if (start >= 0) {
				break;
			}
		}
		if (start < 0) {
			throw new UsageException(String.format("ADDR 0x%x is in no mapping of process %d; " + CommandName.get() + " regions %d lists them",
					address, pid, pid));
		}
		long available = end - address;
		if (Long.compareUnsigned(length, available) > 0) {
			throw new UsageException(String.format(
					"LEN 0x%x runs past the mappings at 0x%x-0x%x: at most %d bytes (0x%x) from ADDR 0x%x", length, start,
					end, available, available, address));
		}
	}

	private static String row(long address, MemoryRead read, int at) {
		StringBuilder hex = new StringBuilder(String.format("%016x ", address));
		StringBuilder text = new StringBuilder();
		for (int i = at; i < Math.min(at + 16, read.bytes().length); i++) {
			boolean readable = read.isReadable(i);
			int b = read.bytes()[i] & 0xff;
			hex.append(readable ? String.format(" %02x", b) : " ??");
			text.append(!readable ? ' ' : b >= 0x20 && b < 0x7f ? (char) b : '.');
		}
		return hex.append("  |").append(text).append('|').toString();
	}

	/** Prints the matches as they are found, up to {@code max}, and counts the others. */
	private static int search(ProcessMemoryProvider processes, long pid, BytePattern pattern, boolean json, long max,
			PrintStream out, PrintStream err) throws IOException {
		SearchOutput hits = new SearchOutput(json ? jsonStart(pid, "matches") : null, max, out);
		try (MemorySource memory = processes.open(pid, false)) {
			MemorySearch search = new MemorySearch(memory, pattern);
			for (MemoryRegion region : processes.regions(pid)) {
				if (!region.isReadable() || region.tag().equals("[vvar]")) {
					continue;
				}
				String where = region.tag().isEmpty() ? region.path() : region.tag();
				if (!search.all(region.start(), region.end(), ScanMonitor.NONE, address -> hits.add(address, where,
						region.start()))) {
					break; // nobody reads the output any more
				}
			}
		} finally {
			// the matches found before the process exited are still true of the memory it had
			hits.finish(err);
		}
		if (hits.outputClosed()) {
			return CommandLine.EXIT_NOT_FOUND;
		}
		return hits.found() == 0 ? CommandLine.EXIT_NO_MATCH : CommandLine.EXIT_OK;
	}
}
