package org.ipcscope.ui.process.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	public static String AddressEditors_Job;
	public static String AddressEditors_NoRegion;
	public static String AddressEditors_Failed;
	public static String Column_Address;
	public static String Column_Base;
	public static String Column_Bitness;
	public static String Column_File;
	public static String Column_Image;
	public static String Column_Launch;
	public static String Column_Name;
	public static String Column_CommandLine;
	public static String Column_Offset;
	public static String Column_Permissions;
	public static String Column_Pid;
	public static String Column_Region;
	public static String Column_Size;
	public static String Column_Started;
	public static String Column_Tag;
	public static String Column_Type;
	public static String Column_User;
	public static String ProcessesView_FilterHint;
	public static String ProcessInput_Name;
	public static String ProcessInput_ToolTip;
	public static String ProcessInput_WriteWarning;
	public static String ProcessesView_Job;
	public static String ProcessesView_Status;
	public static String ProcessesView_StatusNoLaunches;
	public static String Provider_None;
	public static String RegionMap_CannotRead;
	public static String RegionMap_FilterHint;
	public static String RegionMap_Gone;
	public static String RegionMap_HitFilterHint;
	public static String RegionMap_Job;
	public static String RegionMap_NoPid;
	public static String RegionMap_NoProcess;
	public static String RegionMap_Status;
	public static String RegionMap_StatusAuto;
	public static String RegionMap_StatusGone;
	public static String RegionMap_Title;
	public static String Search_Cancelled;
	public static String Search_Exited;
	public static String Search_Found;
	public static String Search_Job;
	public static String Search_Limit;
	public static String Search_Prompt;
	public static String Search_Button;
	public static String Search_Running;
	public static String Search_Skipped;
	public static String Search_Title;
	public static String View_Reading;

	public static String RegionMap_UnknownName;

	static {
		NLS.initializeMessages("org.ipcscope.ui.process.internal.messages", Messages.class); //$NON-NLS-1$
	}

	private Messages() {
	}
}
