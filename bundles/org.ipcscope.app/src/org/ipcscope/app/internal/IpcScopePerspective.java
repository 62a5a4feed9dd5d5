package org.ipcscope.app.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IPlaceholderFolderLayout;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.process.ProcessViews;

/**
 * The IPC Objects view fills the window, the Processes view a tab beside it; the Properties view and
 * the region maps of processes open below them, and the WM_COPYDATA Sniffer beside them when asked for.
 */
public class IpcScopePerspective implements IPerspectiveFactory {

	static final String ID = "org.ipcscope.app.perspective";
	/** The sniffer's view, named by id: the application does not need its bundle to start. */
	static final String COPY_DATA_SNIFFER = "org.ipcscope.ui.sniff.views.copyData";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		String editorArea = layout.getEditorArea();
		IFolderLayout top = layout.createFolder("top", IPageLayout.TOP, 0.7f, editorArea);
		top.addView(IpcScopeViews.IPC_OBJECTS);
		top.addView(ProcessViews.PROCESSES_VIEW_ID);
		IPlaceholderFolderLayout bottom = layout.createPlaceholderFolder("bottom", IPageLayout.BOTTOM, 0.6f, "top");
		bottom.addPlaceholder(IPageLayout.ID_PROP_SHEET);
		bottom.addPlaceholder(ProcessViews.REGION_MAP_VIEW_ID + ":*");
		layout.getViewLayout(IpcScopeViews.IPC_OBJECTS).setCloseable(false);
		layout.addShowViewShortcut(IpcScopeViews.IPC_OBJECTS);
		layout.addShowViewShortcut(ProcessViews.PROCESSES_VIEW_ID);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
		layout.addPlaceholder(COPY_DATA_SNIFFER, IPageLayout.RIGHT, 0.5f, IpcScopeViews.IPC_OBJECTS);
		layout.addShowViewShortcut(COPY_DATA_SNIFFER);
	}
}
