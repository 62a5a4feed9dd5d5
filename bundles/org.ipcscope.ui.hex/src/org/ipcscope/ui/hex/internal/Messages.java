package org.ipcscope.ui.hex.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	public static String AllowWriting_Title;
	public static String AllowWriting_Question;
	public static String BaseAddress_Title;
	public static String BaseAddress_Message;
	public static String BaseAddress_Negative;
	public static String Differences_Title;
	public static String Differences_None;
	public static String Differences_Count;
	public static String Differences_Truncated;
	public static String Differences_Offset;
	public static String Differences_Length;
	public static String Differences_Before;
	public static String Differences_After;
	public static String EditorInput_ToolTip;
	public static String Find_Title;
	public static String Find_Label;
	public static String Find_Next;
	public static String Find_Previous;
	public static String Pattern_Text;
	public static String Pattern_Hex;
	public static String Pattern_Ascii;
	public static String Pattern_Utf16;
	public static String Pattern_Int8;
	public static String Pattern_Int16;
	public static String Pattern_Int16Be;
	public static String Pattern_Int32;
	public static String Pattern_Int32Be;
	public static String Pattern_Int64;
	public static String Pattern_Int64Be;
	public static String GoTo_Title;
	public static String GoTo_Message;
	public static String GoTo_OutOfRange;
	public static String HexEditor_WrongInput;
	public static String HexEditor_Opening;
	public static String HexEditor_OpenJob;
	public static String HexEditor_CannotOpen;
	public static String HexEditor_Gone;
	public static String HexEditor_WriteJob;
	public static String HexEditor_UndoJob;
	public static String HexEditor_RedoJob;
	public static String HexEditor_NothingToUndo;
	public static String HexEditor_NothingToRedo;
	public static String HexEditor_FindJob;
	public static String HexEditor_Found;
	public static String HexEditor_NotFound;
	public static String HexEditor_NoPattern;
	public static String HexEditor_BaselineJob;
	public static String HexEditor_BaselineSet;
	public static String HexEditor_NoBaseline;
	public static String HexEditor_ChangeJob;
	public static String HexEditor_NoNextChange;
	public static String HexEditor_NoPreviousChange;
	public static String HexEditor_ChangeAt;
	public static String HexEditor_CompareJob;
	public static String HexEditor_CopyJob;
	public static String HexEditor_Copied;
	public static String HexEditor_CopiedUnreadable;
	public static String HexEditor_SaveJob;
	public static String HexEditor_Saved;
	public static String HexEditor_Failed;
	public static String HexEditor_CloseJob;
	public static String Inspector_Type;
	public static String Inspector_LittleEndian;
	public static String Inspector_BigEndian;
	public static String Inspector_Empty;
	public static String Inspector_Title;
	public static String MemoryServices_None;
	public static String OpenDialog_Title;
	public static String OpenDialog_Message;
	public static String OpenDialog_Name;
	public static String OpenDialog_NameHint;
	public static String OpenDialog_Namespace;
	public static String OpenDialog_AnyNamespace;
	public static String OpenDialog_Open;
	public static String OpenDialog_LookupJob;
	public static String OpenDialog_NotFound;
	public static String Preferences_Description;
	public static String Preferences_HistoryDepth;
	public static String Preferences_Interval;
	public static String Preferences_BytesPerRow;
	public static String Preferences_AutoFit;
	public static String ReadJob_Name;
	public static String Save_SelectionTitle;
	public static String Save_RegionTitle;
	public static String Status_Offset;
	public static String Status_Selected;
	public static String Status_Size;
	public static String Status_Gone;
	public static String Status_Refreshing;
	public static String Status_Paused;
	public static String Status_Writable;
	public static String Status_ReadOnly;
	public static String Status_Baseline;

	static {
		NLS.initializeMessages("org.ipcscope.ui.hex.internal.messages", Messages.class);
	}

	private Messages() {
	}
}
