package org.ipcscope.ui.traffic.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.text.FlatJson;
import org.ipcscope.core.traffic.TrafficJsonLines;

/** Tells the two capture formats apart by a file's first line, so one Open Capture... serves both. */
final class CaptureFileKinds {

	enum Kind {
		TRAFFIC, COPYDATA, UNKNOWN
	}

	/** Lines looked at for the first non-blank one. */
	private static final int LINES = 64;

	private CaptureFileKinds() {
	}

	/** Reads at most the first lines; off the UI thread. */
	static Kind kindOf(Path file) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < LINES; i++) {
				String line = in.readLine();
				if (line == null) {
					return Kind.UNKNOWN;
				}
				if (!line.isBlank()) {
					return kindOfLine(line);
				}
			}
		}
		return Kind.UNKNOWN;
	}

	/** A header names its format; a file without one is told by a record's members. */
	static Kind kindOfLine(String line) {
		Map<String, String> json;
		try {
			json = FlatJson.parse(line);
		} catch (IllegalArgumentException e) {
			return Kind.UNKNOWN;
		}
		String format = json.get("format"); //$NON-NLS-1$
		if (TrafficJsonLines.FORMAT.equals(format)) {
			return Kind.TRAFFIC;
		}
		if (CaptureJsonLines.FORMAT.equals(format)) {
			return Kind.COPYDATA;
		}
		if (format == null && json.containsKey("op") && json.containsKey("transferred")) { //$NON-NLS-1$ //$NON-NLS-2$
			return Kind.TRAFFIC;
		}
		if (format == null && json.containsKey("dwData")) { //$NON-NLS-1$
			return Kind.COPYDATA;
		}
		return Kind.UNKNOWN;
	}
}
