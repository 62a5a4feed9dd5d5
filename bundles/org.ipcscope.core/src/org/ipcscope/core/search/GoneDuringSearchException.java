package org.ipcscope.core.search;

import org.ipcscope.core.memory.SourceGoneException;

/**
 * The source went away while a search read it (the process exited, the segment was removed). The
 * matches reported before stay valid: the message says where the search stopped and that they are kept.
 */
public class GoneDuringSearchException extends SourceGoneException {

	private static final long serialVersionUID = 1L;

	private final long address;

	public GoneDuringSearchException(String why, long address) {
		super(why + " during the search at 0x" + Long.toHexString(address) + "; the results so far are kept");
		this.address = address;
	}

	/** @return the start of the read that failed: everything before it was searched */
	public long address() {
		return address;
	}
}
