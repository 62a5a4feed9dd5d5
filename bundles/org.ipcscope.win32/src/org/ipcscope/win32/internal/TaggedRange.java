package org.ipcscope.win32.internal;

/** Addresses [start, end) known to be something: a PEB, a TEB, a stack, a shared section. */
record TaggedRange(long start, long end, String tag) {

	static TaggedRange pages(long start, long end, String tag) {
		int page = WindowsProcessMemorySource.PAGE;
		return new TaggedRange(start & -page, (end + page - 1) & -page, tag);
	}

	boolean covers(long from, long to) {
		return start <= from && to <= end;
	}
}
