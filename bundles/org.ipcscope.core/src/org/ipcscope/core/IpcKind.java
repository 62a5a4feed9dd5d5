package org.ipcscope.core;

/**
 * The kinds of IPC object IPC Scope knows. The label is what views and the command line show;
 * the id is the stable token used by {@code --kind} and in JSON.
 */
public enum IpcKind {
	/** A Windows file mapping (Section object), page-file or file backed. */
	SECTION("section", "Section", true),
	/** A named Windows event. */
	EVENT("event", "Event", false),
	/** A named Windows mutex (Mutant object). */
	MUTEX("mutex", "Mutex", false),
	/** A named Windows semaphore. */
	SEMAPHORE("semaphore", "Semaphore", false),
	/** A Windows named pipe (\\.\pipe\...). */
	NAMED_PIPE("named-pipe", "Named pipe", false),
	/** A Windows mailslot (\\.\mailslot\...). */
	MAILSLOT("mailslot", "Mailslot", false),
	/** A symbolic link in the Windows object namespace. */
	SYMBOLIC_LINK("symlink", "Symbolic link", false),
	/** Any other named object in the Windows object namespace (Directory, Key, ...). */
	NAMED_OBJECT("object", "Named object", false),
	/** A POSIX shared memory object (shm_open, /dev/shm). */
	POSIX_SHM("posix-shm", "POSIX shm", true),
	/** A System V shared memory segment (shmget). */
	SYSV_SHM("sysv-shm", "SysV shm", true),
	/** A System V semaphore set (semget). */
	SYSV_SEM("sysv-sem", "SysV semaphores", false),
	/** A System V message queue (msgget). */
	SYSV_MSG("sysv-msg", "SysV msg queue", false),
	/** A POSIX message queue (mq_open, /dev/mqueue). */
	POSIX_MQ("posix-mq", "POSIX mqueue", false),
	/** A named pipe in a file system (mkfifo). */
	FIFO("fifo", "FIFO", false),
	/** A Unix domain socket, with a path, an abstract name or none. */
	UNIX_SOCKET("unix-socket", "Unix socket", false),
	/** An anonymous pipe (pipe(2), CreatePipe). */
	PIPE("pipe", "Pipe", false),
	/** A TCP endpoint on the loopback interface. */
	TCP("tcp", "TCP", false),
	/** A UDP endpoint on the loopback interface. */
	UDP("udp", "UDP", false);

	private final String id;
	private final String label;
	private final boolean memory;

	IpcKind(String id, String label, boolean memory) {
		this.id = id;
		this.label = label;
		this.memory = memory;
	}

	/** @return whether objects of this kind are memory that a hex view can show */
	public boolean isMemory() {
		return memory;
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
