package org.ipcscope.tests.probe.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts for the test script, one per line, fields separated by tabs: the script asserts, the probe
 * only observes. Written at once under a temporary name and then renamed, so that a script never
 * reads half a report.
 */
final class ProbeReport {

	private final List<String> lines = new ArrayList<>();

	synchronized void add(Object... fields) {
		StringBuilder line = new StringBuilder();
		for (Object field : fields) {
			if (!line.isEmpty()) {
				line.append('\t');
			}
			line.append(String.valueOf(field).replaceAll("[\\t\\r\\n]", " "));
		}
		lines.add(line.toString());
	}

	/** A line of a key and a variable number of fields, such as the cells of a table row. */
	void add(String key, List<String> fields) {
		List<Object> line = new ArrayList<>();
		line.add(key);
		line.addAll(fields);
		add(line.toArray());
	}

	/** Records a failure: the script fails on any {@code error} line. */
	synchronized void error(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		trace.toString().lines().forEach(line -> add("error", line));
	}

	synchronized void writeTo(Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
		Files.write(partial, lines, StandardCharsets.UTF_8);
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
