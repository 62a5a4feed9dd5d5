package org.ipcscope.win32.internal.memory;

/**
 * Addresses [start, end) known to be something: a PEB, a TEB, a stack, a shared section.
 *
 * @param shared whether writes to these pages are seen by other processes, whatever the page
 *               protection says (Wine reports a DLL's shared section as copy-on-write)
 */
record TaggedRange(long start, long end, String tag, boolean shared) {

	static TaggedRange pages(long start, long end, String tag) {
		return pages(start, end, tag, false);
	}

	static TaggedRange pages(long start, long end, String tag, boolean shared) {
		int page = WindowsProcessMemorySource.PAGE;
		return new TaggedRange(start & -page, (end + page - 1) & -page, tag, shared);
	}

	boolean covers(long from, long to) {
		return start <= from && to <= end;
	}
}
