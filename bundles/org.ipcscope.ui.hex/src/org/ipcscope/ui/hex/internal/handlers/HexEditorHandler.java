package org.ipcscope.ui.hex.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.menus.UIElement;
import org.ipcscope.ui.hex.internal.HexEditor;

/** A command on the active hex editor; plugin.xml activates these handlers only while one is active. */
abstract class HexEditorHandler extends AbstractHandler {

	@Override
	public final Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof HexEditor editor) {
			run(editor, event);
		}
		return null;
	}

	abstract void run(HexEditor editor, ExecutionEvent event);

	static String value(ExecutionEvent event) {
		return event.getParameter(HexCommands.VALUE);
	}

	/** @return the hex editor a menu item's state is shown for, or {@code null} */
	static HexEditor editorOf(UIElement element) {
		IWorkbenchWindow window = element.getServiceLocator().getService(IWorkbenchWindow.class);
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		return page != null && page.getActiveEditor() instanceof HexEditor editor ? editor : null;
	}
}
