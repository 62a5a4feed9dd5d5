package org.ipcscope.ui.traffic.internal;

import org.eclipse.osgi.util.NLS;

/** The Traffic view's strings, from messages.properties beside this class. */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.ipcscope.ui.traffic.internal.messages"; //$NON-NLS-1$

	public static String Column_Sequence;
	public static String Column_Time;
	public static String Column_Process;
	public static String Column_Op;
	public static String Column_Call;
	public static String Column_Handle;
	public static String Column_Object;
	public static String Column_Size;
	public static String Column_Preview;
	public static String Column_SizeCut;
	public static String Column_Failed;
	public static String View_ProcessFilter;
	public static String View_ProcessHint;
	public static String View_OpFilter;
	public static String View_OpHint;
	public static String View_ObjectFilter;
	public static String View_ObjectHint;
	public static String View_ContentFilter;
	public static String View_ContentHint;
	public static String View_NoCapturer;
	public static String Filter_BadOp;
	public static String Status_Counts;
	public static String Status_DroppedFromView;
	public static String Status_Paused;
	public static String Status_FilterError;
	public static String Status_Attached;
	public static String Status_Detached;
	public static String Status_Refused;
	public static String State_Idle;
	public static String State_Starting;
	public static String State_Running;
	public static String State_Failed;
	public static String State_Stopping;
	public static String State_Stopped;
	public static String State_Ended;
	public static String State_Loading;
	public static String State_Loaded;
	public static String State_LoadedHeader;
	public static String State_LoadFailed;
	public static String State_LoadCancelled;
	public static String Load_Refused;
	public static String Load_NotUtf8;
	public static String Job_Start;
	public static String Job_Stop;
	public static String Job_Load;
	public static String Job_Save;
	public static String Job_Export;
	public static String Save_Failed;
	public static String Start_Title;
	public static String Dialog_TrafficTitle;
	public static String Dialog_IoTitle;
	public static String Dialog_TrafficMessage;
	public static String Dialog_IoMessage;
	public static String Dialog_Holders;
	public static String Dialog_Pid;
	public static String Dialog_Process;
	public static String Dialog_Handle;
	public static String Dialog_AllChannels;
	public static String Dialog_Change;
	public static String Dialog_ObjectFilter;
	public static String Dialog_Start;
	public static String Dialog_NoneTicked;
	public static String Dialog_NoCapturer;
	public static String Dialog_NoHolders;
	public static String Follow_Title;
	public static String Follow_Summary;
	public static String Follow_Missing;
	public static String Follow_Export;
	public static String Follow_In;
	public static String Follow_Out;
	public static String Follow_NoSelection;
	public static String Files_CaptureFilter;
	public static String Files_AllFilter;
	public static String Open_Unknown;
	public static String Open_Title;

	public static String Command_ViewFailed;

	public static String Command_UnknownAction;

	public static String Plugin_StopFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
