package org.ipcscope.ui.hex.internal.handlers;

import java.util.List;

/** Ids of the hex editor's commands, and their parameters, as in plugin.xml. */
public final class HexCommands {

	static final String PREFIX = "org.ipcscope.ui.hex.commands."; //$NON-NLS-1$
	static final String AUTO_REFRESH = PREFIX + "autoRefresh"; //$NON-NLS-1$
	static final String INTERVAL = PREFIX + "refreshInterval"; //$NON-NLS-1$
	static final String BYTES_PER_ROW = PREFIX + "bytesPerRow"; //$NON-NLS-1$
	static final String GROUPING = PREFIX + "grouping"; //$NON-NLS-1$
	static final String BYTE_ORDER = PREFIX + "byteOrder"; //$NON-NLS-1$
	static final String TEXT = PREFIX + "textEncoding"; //$NON-NLS-1$
	static final String OFFSETS = PREFIX + "offsets"; //$NON-NLS-1$
	static final String ALLOW_WRITING = PREFIX + "allowWriting"; //$NON-NLS-1$
	/** The parameter of the radio-style commands. */
	static final String VALUE = "org.ipcscope.ui.hex.value"; //$NON-NLS-1$

	/** Commands whose menu items show this editor's state (checked or not). */
	public static final List<String> STATEFUL = List.of(AUTO_REFRESH, INTERVAL, BYTES_PER_ROW, GROUPING, BYTE_ORDER, TEXT,
			OFFSETS, ALLOW_WRITING);

	private HexCommands() {
	}
}
