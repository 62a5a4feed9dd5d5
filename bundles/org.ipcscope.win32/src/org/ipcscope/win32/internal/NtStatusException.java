package org.ipcscope.win32.internal;

/**
 * A failed native call on a named object. Checked, so that each caller decides whether the
 * failure becomes a problem string or ends its work; it never reaches the core model.
 */
final class NtStatusException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;

	NtStatusException(String what, int status) {
		super(what + ": " + NtStatus.describe(status));
		this.status = status;
	}

	int status() {
		return status;
	}
}
