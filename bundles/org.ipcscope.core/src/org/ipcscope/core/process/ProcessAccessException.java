package org.ipcscope.core.process;

import java.io.IOException;

/** A process could not be looked at; the message says why in words for the user. */
public class ProcessAccessException extends IOException {

	private static final long serialVersionUID = 1L;

	public ProcessAccessException(String message) {
		super(message);
	}
}
