package org.ipcscope.linux.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Directories searched for FIFOs that no process holds open: those in IPCSCOPE_FIFO_DIRS
 * (separated like PATH) or the system property ipcscope.fifo.dirs.
 */
final class FifoDirectories {

	static final String VARIABLE = "IPCSCOPE_FIFO_DIRS";
	static final String PROPERTY = "ipcscope.fifo.dirs";

	private FifoDirectories() {
	}

	static List<Path> fromEnvironment() {
		String value = System.getProperty(PROPERTY, System.getenv(VARIABLE));
		List<Path> directories = new ArrayList<>();
		if (value != null) {
			for (String part : value.split(File.pathSeparator)) {
				if (!part.isBlank()) {
					directories.add(Path.of(part.strip()));
				}
			}
		}
		return directories;
	}
}
