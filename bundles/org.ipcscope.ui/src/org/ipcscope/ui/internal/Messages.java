package org.ipcscope.ui.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	public static String IpcObjectsView_ColumnName;
	public static String IpcObjectsView_ColumnKind;
	public static String IpcObjectsView_ColumnSize;
	public static String IpcObjectsView_ColumnNamespace;
	public static String IpcObjectsView_Refreshing;
	public static String IpcObjectsView_Summary;
	public static String IpcObjectsView_NoService;
	public static String IpcObjectsView_UnknownSize;
	public static String IpcObjectsView_ColumnOwners;
	public static String IpcObjectsView_ColumnDetails;
	public static String IpcObjectsView_FilterHint;
	public static String IpcObjectsView_NotReadable;
	public static String IpcObjectsView_NoOwnerGroup;
	public static String ExportHandler_Job;
	public static String ExportHandler_Failed;
	public static String Properties_Object;
	public static String Properties_Details;
	public static String Properties_Owners;
	public static String Properties_Change;
	public static String Properties_Problem;
	public static String InventoryPreferencePage_Description;
	public static String AskDetails_Title;
	public static String AskDetails_NothingMore;
	public static String AskDetails_Job;
	public static String AskDetails_Result;
	public static String InventoryPreferencePage_FifoDirectories;
	public static String InventoryPreferencePage_ChooseDirectory;
	public static String InventoryPreferencePage_RefreshMillis;
	public static String InventoryRefreshJob_Name;
	public static String InventoryRefreshJob_Failed;

	public static String Preferences_SaveFailed;

	public static String Export_FilterJson;

	public static String Export_FilterCsv;

	public static String IpcObjectsView_OpenFailed;

	public static String IpcObjectsView_PropertiesFailed;

	public static String RefreshInterval_NotNumber;

	static {
		NLS.initializeMessages("org.ipcscope.ui.internal.messages", Messages.class); //$NON-NLS-1$
	}

	private Messages() {
	}
}
