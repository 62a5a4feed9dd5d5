package org.ipcscope.core;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one refresh asks the providers for: the kinds, and what the user told the inventory beyond
 * the defaults (directories searched for FIFOs no process holds open). A value passed along with
 * each refresh, so that callers with different wishes (a view, a command line option, the resident
 * server's clients) can ask at the same time.
 *
 * @param kinds           the kinds wanted; empty for all
 * @param fifoDirectories directories searched for FIFOs no process holds open, as given
 */
public record InventoryRequest(Set<IpcKind> kinds, List<Path> fifoDirectories) {

	/** The environment variable with FIFO directories (a PATH-like list) for the command line and the workbench. */
	public static final String FIFO_DIRS_VARIABLE = "IPCSCOPE_FIFO_DIRS";

	public InventoryRequest {
		// in the kinds' order, whatever set the caller had
		kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
		fifoDirectories = List.copyOf(fifoDirectories);
	}

	/** Every kind, nothing beyond the defaults. */
	public static InventoryRequest all() {
		return new InventoryRequest(Set.of(), List.of());
	}

	/** @param kinds the kinds wanted; empty for all */
	public static InventoryRequest of(Set<IpcKind> kinds) {
		return new InventoryRequest(kinds, List.of());
	}

	/** @return the same request for other kinds (a provider's or a collector's share) */
	public InventoryRequest withKinds(Set<IpcKind> newKinds) {
		return new InventoryRequest(newKinds, fifoDirectories);
	}

	/** @return the same request searching these FIFO directories */
	public InventoryRequest withFifoDirectories(List<Path> directories) {
		return new InventoryRequest(kinds, directories);
	}

	/** @return whether objects of this kind are asked for */
	public boolean wants(IpcKind kind) {
		return kinds.isEmpty() || kinds.contains(kind);
	}

	/** Splits a PATH-like list ({@link #FIFO_DIRS_VARIABLE}); blank parts are ignored, {@code null} is none. */
	public static List<Path> parseDirectories(String value) {
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
