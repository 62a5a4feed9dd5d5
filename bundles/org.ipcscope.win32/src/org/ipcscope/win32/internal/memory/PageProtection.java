package org.ipcscope.win32.internal.memory;

/**
 * Spells a Windows region's state, protection and type the way Linux maps do, so that one region
 * table serves both: {@code r}, {@code w}, {@code x} or {@code -}, then {@code s} where writes are
 * shared with other processes (a writable view of a section, or an image page that is not
 * copy-on-write: a DLL's shared section) and {@code p} otherwise (private memory, copy-on-write,
 * read-only image pages). Reserved pages and guard pages cannot be read: they show {@code ---},
 * and the state is spelt out as a word ("reserved", "guard") for the region's tag.
 */
final class PageProtection {

	static final int PAGE_NOACCESS = 0x01;
	static final int PAGE_READONLY = 0x02;
	static final int PAGE_READWRITE = 0x04;
	static final int PAGE_WRITECOPY = 0x08;
	static final int PAGE_EXECUTE = 0x10;
	static final int PAGE_EXECUTE_READ = 0x20;
	static final int PAGE_EXECUTE_READWRITE = 0x40;
	static final int PAGE_EXECUTE_WRITECOPY = 0x80;
	static final int PAGE_GUARD = 0x100;

	private static final int READABLE = PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ
			| PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY;
	private static final int WRITABLE = PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE
			| PAGE_EXECUTE_WRITECOPY;
	private static final int EXECUTABLE = PAGE_EXECUTE | PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE
			| PAGE_EXECUTE_WRITECOPY;
	private static final int COPY_ON_WRITE = PAGE_WRITECOPY | PAGE_EXECUTE_WRITECOPY;

	private PageProtection() {
	}

	static boolean isReadable(int protect) {
		return (protect & READABLE) != 0 && (protect & PAGE_GUARD) == 0;
	}

	/** @return for example {@code rw-p}, {@code r-xp}, {@code rw-s}, {@code ---p} */
	static String permissions(MemoryBasicInformation run) {
		int protect = run.state() == MemoryBasicInformation.MEM_COMMIT && (run.protect() & PAGE_GUARD) == 0
				? run.protect()
				: 0;
		return new StringBuilder(4).append((protect & READABLE) != 0 ? 'r' : '-')
				.append((protect & WRITABLE) != 0 ? 'w' : '-').append((protect & EXECUTABLE) != 0 ? 'x' : '-')
				.append(isShared(run.type(), protect) ? 's' : 'p').toString();
	}

	private static boolean isShared(int type, int protect) {
		return switch (type) {
		case MemoryBasicInformation.MEM_MAPPED -> (protect & COPY_ON_WRITE) == 0;
		case MemoryBasicInformation.MEM_IMAGE -> (protect & WRITABLE) != 0 && (protect & COPY_ON_WRITE) == 0;
		default -> false;
		};
	}

	/** @return {@code image}, {@code mapped} or {@code private} */
	static String type(int type) {
		return switch (type) {
		case MemoryBasicInformation.MEM_IMAGE -> "image";
		case MemoryBasicInformation.MEM_MAPPED -> "mapped";
		default -> "private";
		};
	}

	/** @return "reserved", "guard" or empty for committed pages without a guard */
	static String stateWord(MemoryBasicInformation run) {
		if (run.state() == MemoryBasicInformation.MEM_RESERVE) {
			return "reserved";
		}
		return (run.protect() & PAGE_GUARD) != 0 ? "guard" : "";
	}
}
