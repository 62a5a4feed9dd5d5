package org.ipcscope.core;

/**
 * The kinds of IPC object IPC Scope knows. The label is what views and the command line show;
 * the id is the stable token used by {@code --kind} and in JSON.
 */
public enum IpcKind {
	/** A Windows file mapping (Section object), page-file or file backed. */
	SECTION("section", "Section"),
	/** A POSIX shared memory object (shm_open, /dev/shm). */
	POSIX_SHM("posix-shm", "POSIX shm"),
	/** A System V shared memory segment (shmget). */
	SYSV_SHM("sysv-shm", "SysV shm");

	private final String id;
	private final String label;

	IpcKind(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	/** @return the kind whose {@link #id()} is {@code id}, case-insensitively */
	public static IpcKind fromId(String id) {
		for (IpcKind kind : values()) {
			if (kind.id.equalsIgnoreCase(id)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown kind '" + id + "'");
	}
}
