package org.ipcscope.cli.internal;

/** The command line was not understood; the message says why. */
final class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
