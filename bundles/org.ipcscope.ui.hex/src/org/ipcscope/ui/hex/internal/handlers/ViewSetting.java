package org.ipcscope.ui.hex.internal.handlers;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.HexSettings;

/**
 * The radio-style settings of one editor, by the id plugin.xml gives its handler
 * ({@code ViewSettingHandler:grouping}) and the values its menu items carry.
 */
enum ViewSetting {
	INTERVAL("interval", (editor, value) -> editor.view().setRefreshInterval(Long.parseLong(value)), //$NON-NLS-1$
			settings -> Long.toString(settings.intervalMillis)),
	BYTES_PER_ROW("bytesPerRow", //$NON-NLS-1$
			(editor, value) -> editor.view().setBytesPerRow("auto".equals(value) ? HexSettings.AUTO_FIT : Integer.parseInt(value)), //$NON-NLS-1$
			settings -> settings.bytesPerRow == HexSettings.AUTO_FIT ? "auto" : Integer.toString(settings.bytesPerRow)), //$NON-NLS-1$
	GROUPING("grouping", (editor, value) -> editor.view().setGrouping(Integer.parseInt(value)), //$NON-NLS-1$
			settings -> Integer.toString(settings.group)),
	BYTE_ORDER("byteOrder", (editor, value) -> editor.view().setLittleEndian("little".equals(value)), //$NON-NLS-1$ //$NON-NLS-2$
			settings -> settings.littleEndian ? "little" : "big"), //$NON-NLS-1$ //$NON-NLS-2$
	TEXT("text", (editor, value) -> editor.view().setTextEncoding(TextEncoding.fromId(value)), settings -> settings.encoding.id()), //$NON-NLS-1$
	OFFSETS("offsets", (editor, value) -> editor.view().setAbsoluteOffsets("absolute".equals(value)), //$NON-NLS-1$ //$NON-NLS-2$
			settings -> settings.absoluteOffsets ? "absolute" : "relative"); //$NON-NLS-1$ //$NON-NLS-2$

	private final String id;
	private final BiConsumer<HexEditor, String> apply;
	private final Function<HexSettings, String> current;

	ViewSetting(String id, BiConsumer<HexEditor, String> apply, Function<HexSettings, String> current) {
		this.id = id;
		this.apply = apply;
		this.current = current;
	}

	String id() {
		return id;
	}

	void apply(HexEditor editor, String value) {
		apply.accept(editor, value);
	}

	/** @return the menu value that is checked for these settings */
	String current(HexSettings settings) {
		return current.apply(settings);
	}

	/** @throws IllegalArgumentException naming the known ids, for a plugin.xml that names another */
	static ViewSetting ofId(String id) {
		for (ViewSetting setting : values()) {
			if (setting.id.equals(id)) {
				return setting;
			}
		}
		throw new IllegalArgumentException("Unknown hex editor setting '" + id + "'"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
