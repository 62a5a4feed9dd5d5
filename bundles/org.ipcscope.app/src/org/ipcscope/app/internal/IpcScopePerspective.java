package org.ipcscope.app.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IPlaceholderFolderLayout;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.process.ProcessViews;

/**
 * Two columns. On the left the lists (IPC Objects, Processes) over the whole height, with the
 * Properties view below them when it opens. On the right what the user opened from them: region
 * maps, the Sniffer, Traffic and Clipboard views at the top, the hex editors below. Each part keeps a column's
 * width and half its height at least, so that a region map, the sniffer and two editors open
 * together still show their rows; an empty right column takes no room.
 */
public class IpcScopePerspective implements IPerspectiveFactory {

	static final String ID = "org.ipcscope.app.perspective"; //$NON-NLS-1$
	/** The sniffer's view, named by id: the application does not need its bundle to start. */
	static final String COPY_DATA_SNIFFER = "org.ipcscope.ui.sniff.views.copyData"; //$NON-NLS-1$
	/** The Traffic and Clipboard views, by id for the same reason. */
	static final String TRAFFIC = "org.ipcscope.ui.traffic.views.traffic"; //$NON-NLS-1$
	static final String CLIPBOARD = "org.ipcscope.ui.clipboard.view"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		String editorArea = layout.getEditorArea();
		IFolderLayout lists = layout.createFolder("lists", IPageLayout.LEFT, 0.45f, editorArea); //$NON-NLS-1$
		lists.addView(IpcScopeViews.IPC_OBJECTS);
		lists.addView(ProcessViews.PROCESSES_VIEW_ID);
		IPlaceholderFolderLayout properties = layout.createPlaceholderFolder("properties", IPageLayout.BOTTOM, 0.7f, "lists"); //$NON-NLS-1$ //$NON-NLS-2$
		properties.addPlaceholder(IPageLayout.ID_PROP_SHEET);
		IPlaceholderFolderLayout opened = layout.createPlaceholderFolder("opened", IPageLayout.TOP, 0.5f, editorArea); //$NON-NLS-1$
		opened.addPlaceholder(ProcessViews.REGION_MAP_VIEW_ID + ":*"); //$NON-NLS-1$
		opened.addPlaceholder(COPY_DATA_SNIFFER);
		opened.addPlaceholder(TRAFFIC);
		opened.addPlaceholder(CLIPBOARD);
		layout.getViewLayout(IpcScopeViews.IPC_OBJECTS).setCloseable(false);
		layout.addShowViewShortcut(IpcScopeViews.IPC_OBJECTS);
		layout.addShowViewShortcut(ProcessViews.PROCESSES_VIEW_ID);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
		layout.addShowViewShortcut(COPY_DATA_SNIFFER);
		layout.addShowViewShortcut(TRAFFIC);
		layout.addShowViewShortcut(CLIPBOARD);
	}
}
