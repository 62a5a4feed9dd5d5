package org.ipcscope.ui.hex.internal;

import java.util.Map;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.menus.UIElement;
import org.ipcscope.core.hex.TextEncoding;

/**
 * The radio-style settings of one editor: refresh interval, bytes per row, grouping, byte
 * order, text encoding, offsets. plugin.xml names the setting after the class
 * ({@code ViewSettingHandler:grouping}); menus show the active editor's choice checked.
 */
public class ViewSettingHandler extends HexEditorHandler implements IElementUpdater, IExecutableExtension {

	private String setting = "";

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		setting = data instanceof String text ? text : "";
	}

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		String value = value(event);
		if (value == null) {
			return;
		}
		switch (setting) {
		case "interval" -> editor.setRefreshInterval(Long.parseLong(value));
		case "bytesPerRow" -> editor.setBytesPerRow("auto".equals(value) ? HexSettings.AUTO_FIT : Integer.parseInt(value));
		case "grouping" -> editor.setGrouping(Integer.parseInt(value));
		case "byteOrder" -> editor.setLittleEndian("little".equals(value));
		case "text" -> editor.setTextEncoding(TextEncoding.fromId(value));
		case "offsets" -> editor.setAbsoluteOffsets("absolute".equals(value));
		default -> throw new IllegalStateException("Unknown hex editor setting '" + setting + "'");
		}
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		HexEditor editor = editorOf(element);
		Object wanted = parameters.get(HexCommands.VALUE);
		if (editor != null && wanted != null) {
			element.setChecked(wanted.equals(current(editor.settings())));
		}
	}

	private String current(HexSettings settings) {
		return switch (setting) {
		case "interval" -> Long.toString(settings.intervalMillis);
		case "bytesPerRow" -> settings.bytesPerRow == HexSettings.AUTO_FIT ? "auto" : Integer.toString(settings.bytesPerRow);
		case "grouping" -> Integer.toString(settings.group);
		case "byteOrder" -> settings.littleEndian ? "little" : "big";
		case "text" -> settings.encoding.id();
		case "offsets" -> settings.absoluteOffsets ? "absolute" : "relative";
		default -> "";
		};
	}
}
