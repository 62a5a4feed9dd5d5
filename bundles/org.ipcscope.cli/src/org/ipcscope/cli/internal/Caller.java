package org.ipcscope.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.InventoryRequest;

/**
 * Whom a verb runs for: the caller's working directory (relative paths of the arguments are taken
 * against it) and the environment variables of {@link DaemonProtocol#VARIABLES}. Not this JVM's
 * when the resident server runs the verb for a client.
 */
record Caller(Path workingDirectory, Map<String, String> environment) {

	Caller {
		environment = Map.copyOf(environment);
	}

	/** This JVM's own. */
	static Caller current() {
		return of(DaemonProtocol.Request.of(List.of()));
	}

	/** The client's, for whom the resident server runs the request. */
	static Caller of(DaemonProtocol.Request request) {
		return new Caller(request.workingDirectory(), request.environment());
	}

	/** @return the FIFO directories of {@link InventoryRequest#FIFO_DIRS_VARIABLE}, as given */
	List<Path> fifoDirectories() {
		return InventoryRequest.parseDirectories(environment.get(InventoryRequest.FIFO_DIRS_VARIABLE));
	}
}
