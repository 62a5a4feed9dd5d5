package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.core.text.Printable;

/** {@code windows [--json] [FILTER]}: the windows {@code sniff} can target, for scripts to find one. */
final class WindowsCommand {

	static final String USAGE = "windows [--json] [FILTER]   FILTER: part of a class, title or process name";

	private boolean json;
	private String filter = "";

	WindowsCommand(List<String> args) throws UsageException {
		for (String arg : args) {
			if (arg.equals("--json")) {
				json = true;
			} else if (arg.startsWith("-")) {
				throw new UsageException("windows does not know '" + arg + "'");
			} else if (filter.isEmpty()) {
				filter = arg.toLowerCase(Locale.ROOT);
			} else {
				throw new UsageException("windows takes one FILTER");
			}
		}
	}

	int run(CopyDataSniffer sniffer, PrintStream out, PrintStream err) {
		List<WindowInfo> windows;
		try {
			windows = sniffer.windows().stream().filter(this::matches).toList();
		} catch (IOException e) {
			err.println(e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		}
		if (json) {
			out.println("{\"format\": 1, \"windows\": [");
			for (int i = 0; i < windows.size(); i++) {
				WindowInfo w = windows.get(i);
				out.println("  {\"hwnd\": \"" + CaptureJsonLines.hex(w.hwnd()) + "\", \"class\": " + InventoryJson.quote(w.className())
						+ ", \"title\": " + InventoryJson.quote(w.title()) + ", \"pid\": " + w.pid() + ", \"thread\": "
						+ w.threadId() + ", \"process\": " + InventoryJson.quote(w.processName()) + ", \"messageOnly\": "
						+ w.messageOnly() + "}" + (i + 1 < windows.size() ? "," : ""));
			}
			out.println("]}");
		} else {
			out.printf("%-12s %-7s %-7s %-20s %-4s %-32s %s%n", "HWND", "PID", "THREAD", "PROCESS", "KIND", "CLASS", "TITLE");
			for (WindowInfo w : windows) {
				out.printf("%-12s %-7d %-7d %-20s %-4s %-32s %s%n", CaptureJsonLines.hex(w.hwnd()), w.pid(), w.threadId(),
						Printable.escape(w.processName()), w.messageOnly() ? "msg" : "top", Printable.escape(w.className()),
						Printable.escape(w.title()));
			}
		}
		return CommandLine.EXIT_OK;
	}

	private boolean matches(WindowInfo window) {
		return filter.isEmpty() || window.className().toLowerCase(Locale.ROOT).contains(filter)
				|| window.title().toLowerCase(Locale.ROOT).contains(filter)
				|| window.processName().toLowerCase(Locale.ROOT).contains(filter);
	}
}
