package org.ipcscope.core.memory;

import java.io.IOException;

/** The object behind a source is gone: its owner exited or it was removed. */
public class SourceGoneException extends IOException {

	private static final long serialVersionUID = 1L;

	public SourceGoneException(String message) {
		super(message);
	}
}
