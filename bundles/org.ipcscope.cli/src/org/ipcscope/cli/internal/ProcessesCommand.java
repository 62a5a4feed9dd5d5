package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.text.Printable;

/**
 * {@code processes [--json] [FILTER]}: the processes this user can see, so that a script finds a
 * pid on any system (Windows has no /proc to grep). FILTER keeps the processes whose pid, name,
 * command line, user or image path contain it, ignoring case.
 */
final class ProcessesCommand {

	static final String USAGE = "processes [--json] [FILTER]   FILTER: part of a pid, name, command line, user or path";
	/** Bumped when a field changes meaning or goes away. */
	static final int FORMAT_VERSION = 1;
	private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.systemDefault());

	private boolean json;
	private String filter = "";

	ProcessesCommand(List<String> args) throws UsageException {
		List<String> positional = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("--json")) {
				json = true;
			} else if (arg.startsWith("-") && !arg.matches("-?\\d+")) {
				throw new UsageException("processes does not know '" + arg + "'");
			} else {
				positional.add(arg);
			}
		}
		if (positional.size() > 1) {
			throw new UsageException("processes takes one FILTER at most");
		}
		if (!positional.isEmpty()) {
			filter = positional.get(0).toLowerCase(Locale.ROOT);
		}
	}

	int run(ProcessMemoryProvider provider, PrintStream out, PrintStream err) {
		List<ProcessInfo> processes;
		try {
			processes = new ArrayList<>(provider.processes());
		} catch (IOException e) {
			err.println("Cannot list the processes: " + e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		}
		processes.removeIf(process -> !matches(process));
		processes.sort(Comparator.comparingLong(ProcessInfo::pid));
		if (json) {
			json(processes, out);
		} else {
			out.printf("%8s  %-16s %4s  %-19s  %s%n", "PID", "USER", "BITS", "STARTED", "NAME  COMMAND LINE");
			for (ProcessInfo process : processes) {
				out.printf("%8d  %-16s %4s  %-19s  %s%s%n", process.pid(), Printable.escape(process.user()),
						process.bitness() == 0 ? "" : Integer.toString(process.bitness()),
						process.startTime().map(STARTED::format).orElse(""), Printable.escape(process.name()),
						process.kernelThread() ? "  [kernel thread]"
								: process.commandLine().isEmpty() ? "" : "  " + Printable.escape(process.commandLine()));
			}
		}
		return CommandLine.EXIT_OK;
	}

	private boolean matches(ProcessInfo process) {
		if (filter.isEmpty()) {
			return true;
		}
		for (String field : List.of(Long.toString(process.pid()), process.name(), process.commandLine(), process.user(),
				process.imagePath())) {
			if (field.toLowerCase(Locale.ROOT).contains(filter)) {
				return true;
			}
		}
		return false;
	}

	private static void json(List<ProcessInfo> processes, PrintStream out) {
		StringBuilder text = new StringBuilder(256 + processes.size() * 200);
		text.append("{\"format\": ").append(FORMAT_VERSION).append(", \"processes\": [");
		for (int i = 0; i < processes.size(); i++) {
			ProcessInfo process = processes.get(i);
			text.append(i == 0 ? "\n  " : ",\n  ");
			text.append("{\"pid\": ").append(process.pid());
			text.append(", \"name\": ").append(InventoryJson.quote(process.name()));
			text.append(", \"commandLine\": ").append(InventoryJson.quote(process.commandLine()));
			text.append(", \"user\": ").append(InventoryJson.quote(process.user()));
			text.append(", \"bitness\": ").append(process.bitness() == 0 ? "null" : Integer.toString(process.bitness()));
			text.append(", \"started\": ")
					.append(process.startTime().map(time -> InventoryJson.quote(time.toString())).orElse("null"));
			text.append(", \"imagePath\": ").append(InventoryJson.quote(process.imagePath()));
			text.append(", \"kernelThread\": ").append(process.kernelThread());
			text.append(", \"ppid\": ").append(process.parentPid() == 0 ? "null" : Long.toString(process.parentPid()))
					.append('}');
		}
		text.append(processes.isEmpty() ? "]}" : "\n]}");
		out.println(text);
	}
}
