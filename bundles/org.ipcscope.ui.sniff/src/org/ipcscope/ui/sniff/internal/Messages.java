package org.ipcscope.ui.sniff.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	public static String View_WindowsOnly;
	public static String View_NoSniffer;
	public static String View_CaptureGroup;
	public static String View_Target;
	public static String View_NoTarget;
	public static String View_PickWindow;
	public static String View_Strategy;
	public static String View_Messages;
	public static String View_MessagesHint;
	public static String View_MessagesTip;
	public static String View_PayloadCap;
	public static String View_PayloadCapTip;
	public static String View_RingSlots;
	public static String View_RingSlotsTip;
	public static String View_Start;
	public static String View_Stop;
	public static String View_MessageFilter;
	public static String View_MessageHint;
	public static String View_ParamsFilter;
	public static String View_ParamsHint;
	public static String View_DwDataFilter;
	public static String View_DwDataHint;
	public static String View_SenderFilter;
	public static String View_SenderHint;
	public static String View_ContentFilter;
	public static String View_ContentHint;
	public static String View_Decoder;
	public static String View_DecoderAuto;
	public static String View_NoSelection;
	public static String View_Detected;
	public static String View_DecodedCut;
	public static String View_PayloadTruncated;
	public static String View_PayloadSize;
	public static String Reason_EMPTY;
	public static String Reason_BOM;
	public static String Reason_NUL_PATTERN;
	public static String Reason_ASCII_ONLY;
	public static String Reason_VALID_UTF8;
	public static String Reason_BINARY;
	public static String Strategy_PROXY;
	public static String Strategy_IN_PROCESS;
	public static String Strategy_PROXY_Limits;
	public static String Strategy_IN_PROCESS_Limits;
	public static String Strategy_Unavailable;
	public static String Column_Sequence;
	public static String Column_Time;
	public static String Column_Sender;
	public static String Column_Target;
	public static String Column_DwData;
	public static String Column_CbData;
	public static String Column_Result;
	public static String Column_Preview;
	public static String Column_SenderPid;
	public static String Column_Truncated;
	public static String Column_DwDataValue;
	public static String Column_Message;
	public static String Column_MessageSent;
	public static String Column_MessagePosted;
	public static String Column_WParam;
	public static String Column_LParam;
	public static String State_Idle;
	public static String State_NoStrategies;
	public static String State_Starting;
	public static String State_Running;
	public static String State_RunningLimits;
	public static String Start_BadMessages;
	public static String Detail_Fields;
	public static String Detail_Sender;
	public static String Detail_SenderPid;
	public static String Detail_SenderUnknown;
	public static String Detail_ResultUnknown;
	public static String Detail_NoPayload;
	public static String Detail_OpenMemory;
	public static String Detail_OpenMemoryTip;
	public static String Detail_OpenHandleTip;
	public static String Detail_OpenedHandle;
	public static String Detail_HandleNotMemory;
	public static String Detail_NoHandleObject;
	public static String Detail_TwoMeanings;
	public static String Detail_ChooseMeaning;
	public static String Detail_OpenObject;
	public static String Detail_OpenAddress;
	public static String Detail_ProcessNamed;
	public static String Job_FindHandle;
	public static String State_Stopping;
	public static String State_Stopped;
	public static String State_Ended;
	public static String State_Failed;
	public static String State_Loading;
	public static String State_Loaded;
	public static String State_LoadCancelled;
	public static String State_LoadFailed;
	public static String Status_Counts;
	public static String Status_Paused;
	public static String Status_FilterError;
	public static String Window_Describe;
	public static String Window_FromFile;
	public static String Filter_BadDwData;
	public static String Filter_EmptyRange;
	public static String Filter_BadSender;
	public static String Job_Start;
	public static String Job_Stop;
	public static String Job_Load;
	public static String Job_Save;
	public static String Job_Windows;
	public static String Job_Strategies;
	public static String Job_UnderCursor;
	public static String Save_Failed;
	public static String Load_NotUtf8;
	public static String Load_Refused;
	public static String Start_NeedsTarget;
	public static String Start_Title;
	public static String Picker_Title;
	public static String Picker_Filter;
	public static String Picker_FilterHint;
	public static String Picker_MatchAny;
	public static String Picker_MatchTitle;
	public static String Picker_MatchClass;
	public static String Picker_MessageOnly;
	public static String Picker_Refresh;
	public static String Picker_UnderCursor;
	public static String Picker_Countdown;
	public static String Picker_Loading;
	public static String Picker_Count;
	public static String Picker_Failed;
	public static String Picker_UnderCursorFailed;
	public static String Picker_NoWindowUnderCursor;
	public static String Picker_ColumnHandle;
	public static String Picker_ColumnClass;
	public static String Picker_ColumnTitle;
	public static String Picker_ColumnPid;
	public static String Picker_ColumnThread;
	public static String Picker_ColumnProcess;
	public static String Picker_ColumnKind;
	public static String Picker_TopLevel;
	public static String Picker_MessageOnlyKind;
	public static String Files_CaptureFilter;
	public static String Files_AllFilter;

	public static String Load_LineProblem;

	public static String Editor_OpenFailed;

	public static String Plugin_StopFailed;

	public static String Command_UnknownAction;

	public static String Command_ViewFailed;

	static {
		NLS.initializeMessages("org.ipcscope.ui.sniff.internal.messages", Messages.class); //$NON-NLS-1$
	}

	private Messages() {
	}
}
