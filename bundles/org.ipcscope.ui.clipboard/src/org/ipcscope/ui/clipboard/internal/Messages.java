package org.ipcscope.ui.clipboard.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	public static String Column_Id;
	public static String Column_Name;
	public static String Column_Size;
	public static String Column_Content;
	public static String Column_Time;
	public static String Column_Sequence;
	public static String Column_Owner;
	public static String Column_Formats;
	public static String Column_Text;
	public static String View_Selection;
	public static String View_Warning;
	public static String View_Status;
	public static String View_HeldOpen;
	public static String View_NoOwner;
	public static String View_Unknown;
	public static String View_NotRead;
	public static String View_History;
	public static String View_HistoryWatching;
	public static String View_NoReader;
	public static String Job_Read;
	public static String Job_Watch;
	public static String Job_File;
	public static String Dialog_Save;
	public static String Dialog_Open;
	public static String Dialog_FileFailed;

	public static String Tables_Window;

	static {
		NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class); //$NON-NLS-1$
	}

	private Messages() {
	}
}
