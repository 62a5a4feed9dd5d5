package org.ipcscope.app.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.ipcscope.ui.IpcScopeViews;

/**
 * The IPC Objects view fills the window; the Properties view sits below it, and the WM_COPYDATA
 * Sniffer opens beside them when asked for.
 */
public class IpcScopePerspective implements IPerspectiveFactory {

	static final String ID = "org.ipcscope.app.perspective";
	/** The sniffer's view, named by id: the application does not need its bundle to start. */
	static final String COPY_DATA_SNIFFER = "org.ipcscope.ui.sniff.views.copyData";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		String editorArea = layout.getEditorArea();
		layout.addView(IpcScopeViews.IPC_OBJECTS, IPageLayout.TOP, 0.7f, editorArea);
		layout.addPlaceholder(IPageLayout.ID_PROP_SHEET, IPageLayout.BOTTOM, 0.7f, IpcScopeViews.IPC_OBJECTS);
		layout.getViewLayout(IpcScopeViews.IPC_OBJECTS).setCloseable(false);
		layout.addShowViewShortcut(IpcScopeViews.IPC_OBJECTS);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
		layout.addPlaceholder(COPY_DATA_SNIFFER, IPageLayout.RIGHT, 0.5f, IpcScopeViews.IPC_OBJECTS);
		layout.addShowViewShortcut(COPY_DATA_SNIFFER);
	}
}
