package org.ipcscope.core.process;

/**
 * One region of a process's address space.
 *
 * @param start       first address
 * @param end         address after the last byte
 * @param permissions as the OS shows them ({@code rw-p}, {@code r-xs}; Windows protections spelled alike)
 * @param type        {@code private}, {@code shared}, {@code image} or {@code mapped}
 * @param path        the mapped file or module, or empty
 * @param tag         what it is where known ({@code [heap]}, {@code [stack]}, {@code [vdso]}, {@code PEB}), or empty
 */
public record MemoryRegion(long start, long end, String permissions, String type, String path, String tag) {

	public long size() {
		return end - start;
	}

	public boolean isReadable() {
		return !permissions.isEmpty() && permissions.charAt(0) == 'r';
	}

	public boolean contains(long address) {
		return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
	}
}
