package org.ipcscope.app.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.ipcscope.ui.IpcScopeViews;

/** The IPC Objects view fills the window; the Properties view sits below it. */
public class IpcScopePerspective implements IPerspectiveFactory {

	static final String ID = "org.ipcscope.app.perspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		String editorArea = layout.getEditorArea();
		layout.addView(IpcScopeViews.IPC_OBJECTS, IPageLayout.TOP, 0.7f, editorArea);
		layout.addPlaceholder(IPageLayout.ID_PROP_SHEET, IPageLayout.BOTTOM, 0.7f, IpcScopeViews.IPC_OBJECTS);
		layout.getViewLayout(IpcScopeViews.IPC_OBJECTS).setCloseable(false);
		layout.addShowViewShortcut(IpcScopeViews.IPC_OBJECTS);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
	}
}
