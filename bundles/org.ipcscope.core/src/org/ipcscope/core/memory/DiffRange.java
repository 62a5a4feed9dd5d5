package org.ipcscope.core.memory;

/** A run of bytes that differ between two sources, in their common offsets. */
public record DiffRange(long offset, long length) {

	public long end() {
		return offset + length;
	}

	public boolean contains(long position) {
		return position >= offset && position < end();
	}
}
