package org.ipcscope.ui.hex.internal.handlers;

import java.util.List;

/** Ids of the hex editor's commands, and their parameters, as in plugin.xml. */
public final class HexCommands {

	static final String PREFIX = "org.ipcscope.ui.hex.commands.";
	static final String AUTO_REFRESH = PREFIX + "autoRefresh";
	static final String INTERVAL = PREFIX + "refreshInterval";
	static final String BYTES_PER_ROW = PREFIX + "bytesPerRow";
	static final String GROUPING = PREFIX + "grouping";
	static final String BYTE_ORDER = PREFIX + "byteOrder";
	static final String TEXT = PREFIX + "textEncoding";
	static final String OFFSETS = PREFIX + "offsets";
	static final String ALLOW_WRITING = PREFIX + "allowWriting";
	/** The parameter of the radio-style commands. */
	static final String VALUE = "org.ipcscope.ui.hex.value";

	/** Commands whose menu items show this editor's state (checked or not). */
	public static final List<String> STATEFUL = List.of(AUTO_REFRESH, INTERVAL, BYTES_PER_ROW, GROUPING, BYTE_ORDER, TEXT,
			OFFSETS, ALLOW_WRITING);

	private HexCommands() {
	}
}
