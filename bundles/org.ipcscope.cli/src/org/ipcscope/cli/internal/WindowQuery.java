package org.ipcscope.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.WindowInfo;

/** Picks the window a verb is about: by exact title, exact class, both, or by handle. */
record WindowQuery(String title, String className, Long hwnd) {

	static final class Builder {
		private String title;
		private String className;
		private Long hwnd;

		void add(String option, String value) throws UsageException {
			switch (option) {
			case "--window" -> title = value;
			case "--class" -> className = value;
			default -> hwnd = SniffCommand.number(option, value, 1, Long.MAX_VALUE);
			}
		}

		WindowQuery build(String verb) throws UsageException {
			if (title == null && className == null && hwnd == null) {
				throw new UsageException(verb + " needs --window TITLE, --class CLASS or --hwnd H");
			}
			if (hwnd != null && (title != null || className != null)) {
				throw new UsageException(verb + ": --hwnd names one window; leave out --window and --class");
			}
			return new WindowQuery(title, className, hwnd);
		}
	}

	boolean matches(WindowInfo window) {
		if (hwnd != null) {
			return window.hwnd() == hwnd;
		}
		return (title == null || title.equals(window.title())) && (className == null || className.equals(window.className()));
	}

	/** @return the one matching window, or {@code null} after saying on {@code err} why there is none */
	WindowInfo find(List<WindowInfo> windows, PrintStream err) {
		List<WindowInfo> found = windows.stream().filter(this::matches).toList();
		if (found.size() == 1) {
			return found.get(0);
		}
		if (found.isEmpty()) {
			err.println("No window " + this + " (" + CommandName.get() + " windows lists them).");
			return null;
		}
		err.println(found.size() + " windows " + this + "; pick one with --hwnd:");
		for (WindowInfo window : found) {
			err.println("  " + SniffCommand.describe(window));
		}
		return null;
	}

	@Override
	public String toString() {
		if (hwnd != null) {
			return "with handle " + CaptureJsonLines.hex(hwnd);
		}
		return (className == null ? "" : "of class '" + className + "'") + (className != null && title != null ? " and " : "")
				+ (title == null ? "" : "titled '" + title + "'");
	}
}
