package org.ipcscope.ui.hex.internal.handlers;

import java.util.Map;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.menus.UIElement;
import org.ipcscope.ui.hex.internal.HexEditor;

/**
 * One radio-style setting of the active editor ({@link ViewSetting}); plugin.xml names it after
 * the class ({@code ViewSettingHandler:grouping}); menus show the active editor's choice checked.
 */
public class ViewSettingHandler extends HexEditorHandler implements IElementUpdater, IExecutableExtension {

	private ViewSetting setting;

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data)
			throws CoreException {
		try {
			setting = ViewSetting.ofId(data instanceof String text ? text : ""); //$NON-NLS-1$
		} catch (IllegalArgumentException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
	}

	@Override
	void run(HexEditor editor, ExecutionEvent event) {
		String value = value(event);
		if (value != null) {
			setting.apply(editor, value);
		}
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		HexEditor editor = editorOf(element);
		Object wanted = parameters.get(HexCommands.VALUE);
		if (editor != null && wanted != null) {
			element.setChecked(wanted.equals(setting.current(editor.settings())));
		}
	}
}
