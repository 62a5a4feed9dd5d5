package org.ipcscope.win32.internal.nt;

/**
 * A failed native call on a named object. Checked, so that each caller decides whether the
 * failure becomes a problem string or ends its work; it never reaches the core model.
 */
public final class NtStatusException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;

	public NtStatusException(String what, int status) {
		super(what + ": " + NtStatus.describe(status));
		this.status = status;
	}

	public int status() {
		return status;
	}
}
