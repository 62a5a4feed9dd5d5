package org.ipcscope.linux.internal;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Permission bits as the number a mode has (0640 for rw-r-----): the value beside the display string. */
final class FileModes {

	private FileModes() {
	}

	static int bits(Set<PosixFilePermission> permissions) {
		int bits = 0;
		// PosixFilePermission's order is OWNER_READ ... OTHERS_EXECUTE: 0400 down to 0001
		for (PosixFilePermission permission : permissions) {
			bits |= 0400 >> permission.ordinal();
		}
		return bits;
	}
}
