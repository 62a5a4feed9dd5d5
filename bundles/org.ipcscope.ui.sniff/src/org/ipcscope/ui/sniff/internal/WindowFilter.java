package org.ipcscope.ui.sniff.internal;

import java.util.Locale;
import java.util.function.Predicate;

import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.WindowInfo;

/** What the window picker lists: windows whose title, class (or both) contain the typed text. */
record WindowFilter(String text, Field field, boolean messageOnly) implements Predicate<WindowInfo> {

	enum Field {
		/** title, class, process name, handle or pid */
		ANY, TITLE, CLASS
	}

	@Override
	public boolean test(WindowInfo window) {
		if (window.messageOnly() && !messageOnly) {
			return false;
		}
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		if (wanted.isEmpty()) {
			return true;
		}
		return switch (field) {
		case TITLE -> contains(window.title(), wanted);
		case CLASS -> contains(window.className(), wanted);
		case ANY -> contains(window.title(), wanted) || contains(window.className(), wanted)
				|| contains(window.processName(), wanted) || CaptureJsonLines.hex(window.hwnd()).equals(wanted)
				|| Long.toString(window.pid()).equals(wanted);
		};
	}

	private static boolean contains(String text, String wanted) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
	}

	/** @return one line naming a window for labels and job names */
	static String describe(WindowInfo window) {
		return Messages.bind(Messages.Window_Describe, new Object[] { CaptureJsonLines.hex(window.hwnd()),
				window.title(), window.className(), window.processName().isEmpty() ? "?" : window.processName(), //$NON-NLS-1$
				Long.toString(window.pid()) });
	}
}
