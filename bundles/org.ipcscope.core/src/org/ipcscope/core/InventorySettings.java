package org.ipcscope.core;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user told the inventory beyond the defaults, shared by every provider: set by the
 * workbench preferences or by command line options. Starts from the environment variable
 * IPCSCOPE_FIFO_DIRS (a PATH-like list).
 */
public final class InventorySettings {

	public static final String FIFO_DIRS_VARIABLE = "IPCSCOPE_FIFO_DIRS";

	private static volatile List<Path> fifoDirectories = parse(System.getenv(FIFO_DIRS_VARIABLE));

	private InventorySettings() {
	}

	/** @return directories searched for FIFOs no process holds open */
	public static List<Path> fifoDirectories() {
		return fifoDirectories;
	}

	public static void setFifoDirectories(List<Path> directories) {
		fifoDirectories = List.copyOf(directories);
	}

	/** Splits a PATH-like list; blank parts are ignored. */
	public static List<Path> parse(String value) {
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
