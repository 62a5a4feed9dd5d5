package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.process.ProcessModule;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.GoneDuringSearchException;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.core.text.NameBytes;
import org.ipcscope.core.text.Printable;

/**
 * {@code regions PID [--json]}, {@code modules PID [--json]}, {@code dump PID ADDR LEN [-o FILE]} and
 * {@code search PID PATTERN [--json]}: another process's memory, read-only.
 */
final class ProcessCommands {

	static final String USAGE = "regions PID [--json]\n       ipcscope modules PID [--json]\n       ipcscope dump PID ADDR LEN [-o FILE]"
			+ "\n       ipcscope search PID PATTERN [--json]   PATTERN: " + PatternSyntax.HELP;

	private static final int DUMP_CHUNK = 1 << 20;

	private ProcessCommands() {
	}

	static int run(String verb, List<String> args, ProcessMemoryProvider processes, PrintStream out, PrintStream err)
			throws UsageException {
		List<String> positional = new ArrayList<>();
		boolean json = false;
		Path file = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--json")) {
				json = true;
			} else if (arg.equals("-o") && verb.equals("dump") && i + 1 < args.size()) {
				file = outputFile(args.get(++i));
			} else if (arg.startsWith("-") && !arg.matches("-\\d.*")) {
				throw new UsageException(verb + " does not know '" + arg + "'");
			} else {
				positional.add(arg);
			}
		}
		int expected = switch (verb) {
		case "regions", "modules" -> 1;
		case "dump" -> 3;
		default -> 2;
		};
		if (positional.size() != expected) {
			throw new UsageException(verb + " needs " + expected + " argument" + (expected > 1 ? "s" : ""));
		}
		long pid = number(positional.get(0), "PID");
		try {
			return switch (verb) {
			case "regions" -> regions(processes.regions(pid), json, out);
			case "modules" -> modules(processes.modules(pid), json, out);
			case "dump" -> dump(processes, pid, number(positional.get(1), "ADDR"), number(positional.get(2), "LEN"), file, out,
					err);
			default -> search(processes, pid, pattern(positional.get(1)), json, out);
			};
		} catch (IOException e) {
			err.println(e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		}
	}

	/** The file's bytes as given ({@link NameBytes}), not as the locale would encode them. */
	private static Path outputFile(String name) throws UsageException {
		try {
			return NameBytes.path(name);
		} catch (InvalidPathException e) {
			throw new UsageException("-o '" + name + "' is not a path: " + e.getReason());
		}
	}

	private static BytePattern pattern(String spec) throws UsageException {
		try {
			return PatternSyntax.parse(spec);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private static long number(String text, String what) throws UsageException {
		try {
			return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
		} catch (NumberFormatException e) {
			throw new UsageException(what + " '" + text + "' is not a number");
		}
	}

	private static int regions(List<MemoryRegion> regions, boolean json, PrintStream out) {
		if (json) {
			StringBuilder text = new StringBuilder("[");
			for (MemoryRegion region : regions) {
				text.append(text.length() == 1 ? "\n  " : ",\n  ").append(String.format(
						"{\"start\": \"0x%x\", \"end\": \"0x%x\", \"size\": %d, \"permissions\": \"%s\", \"type\": \"%s\", \"path\": %s, \"tag\": \"%s\"}",
						region.start(), region.end(), region.size(), region.permissions(), region.type(),
						InventoryJson.quote(region.path()), region.tag()));
			}
			out.println(text.append(regions.isEmpty() ? "]" : "\n]"));
		} else {
			for (MemoryRegion region : regions) {
				out.printf("%016x-%016x %12d %-5s %-8s %s%n", region.start(), region.end(), region.size(),
						region.permissions(), region.type(), Printable.escape(pathAndTag(region)));
			}
		}
		return CommandLine.EXIT_OK;
	}

	private static int modules(List<ProcessModule> modules, boolean json, PrintStream out) {
		if (json) {
			StringBuilder text = new StringBuilder("[");
			for (ProcessModule module : modules) {
				text.append(text.length() == 1 ? "\n  " : ",\n  ").append(String.format(
						"{\"name\": %s, \"base\": \"0x%x\", \"size\": %d, \"path\": %s, \"sharedSections\": [%s]}",
						InventoryJson.quote(module.name()), module.base(), module.size(),
						InventoryJson.quote(module.path()), String.join(", ",
								module.sharedSections().stream().map(InventoryJson::quote).toList())));
			}
			out.println(text.append(modules.isEmpty() ? "]" : "\n]"));
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
			PrintStream out, PrintStream err) throws IOException {
		try (MemorySource memory = processes.open(pid, false);
				OutputStream sink = file == null ? null : Files.newOutputStream(file)) {
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
				}
			}
			if (unreadable > 0) {
				// the file keeps its offsets: unreadable bytes are written as 0 and counted here
				err.println(unreadable + " bytes could not be read (unmapped or protected)"
						+ (sink != null ? " and are 0 in " + NameBytes.name(file) : " and show as ??"));
			}
		}
		return CommandLine.EXIT_OK;
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

	private static int search(ProcessMemoryProvider processes, long pid, BytePattern pattern, boolean json,
			PrintStream out) throws IOException {
		List<String> hits = new ArrayList<>();
		try (MemorySource memory = processes.open(pid, false)) {
			MemorySearch search = new MemorySearch(memory, pattern);
			for (MemoryRegion region : processes.regions(pid)) {
				if (!region.isReadable() || region.tag().equals("[vvar]")) {
					continue;
				}
				String where = region.tag().isEmpty() ? region.path() : region.tag();
				search.all(region.start(), region.end(), ScanMonitor.NONE, address -> {
					hits.add(json ? String.format("{\"address\": \"0x%x\", \"region\": %s, \"offset\": %d}", address,
							InventoryJson.quote(where), address - region.start()) : String.format("0x%x %s+0x%x", address,
									Printable.escape(where), address - region.start()));
					return true;
				});
			}
		} catch (GoneDuringSearchException e) {
			// the matches found before the process exited are still true of the memory it had
			print(hits, json, out);
			throw e;
		}
		print(hits, json, out);
		return hits.isEmpty() ? CommandLine.EXIT_NOT_FOUND : CommandLine.EXIT_OK;
	}

	private static void print(List<String> hits, boolean json, PrintStream out) {
		if (json) {
			out.println(hits.isEmpty() ? "[]" : "[\n  " + String.join(",\n  ", hits) + "\n]");
		} else {
			hits.forEach(out::println);
		}
	}
}
