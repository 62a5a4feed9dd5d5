package org.ipcscope.ui.sniff.internal;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.text.Printable;

/** The columns of the Sniffer's capture table and the text of each for a message. */
enum MessageColumn implements CaptureColumn {
	SEQUENCE(Messages.Column_Sequence, 6, SWT.RIGHT),
	TIME(Messages.Column_Time, 15, SWT.LEFT),
	SENDER(Messages.Column_Sender, 17, SWT.LEFT),
	TARGET(Messages.Column_Target, 11, SWT.LEFT),
	DW_DATA(Messages.Column_DwData, 30, SWT.LEFT),
	CB_DATA(Messages.Column_CbData, 14, SWT.RIGHT),
	RESULT(Messages.Column_Result, 12, SWT.RIGHT),
	PREVIEW(Messages.Column_Preview, 40, SWT.LEFT),
	// after the WM_COPYDATA columns so that their places stay; to be ordered when the view is split
	MESSAGE(Messages.Column_Message, 24, SWT.LEFT),
	W_PARAM(Messages.Column_WParam, 24, SWT.LEFT),
	L_PARAM(Messages.Column_LParam, 24, SWT.LEFT);

	private final Layout layout;

	MessageColumn(String title, int chars, int alignment) {
		layout = new Layout(title, chars, alignment);
	}

	@Override
	public Layout layout() {
		return layout;
	}

	String text(CapturedMessage m) {
		return switch (this) {
		case SEQUENCE -> Long.toString(m.sequence());
		case TIME -> time(m.timeMicros());
		// only WM_COPYDATA names its sender's HWND (in wParam); another message's wParam is its own
		case SENDER -> !m.isCopyData() ? (m.senderPid() < 0 ? "" : NLS.bind(Messages.Detail_SenderPid, Long.toString(m.senderPid()))) //$NON-NLS-1$
				: m.senderPid() < 0 ? CaptureJsonLines.hex(m.sender())
				: NLS.bind(Messages.Column_SenderPid, CaptureJsonLines.hex(m.sender()), Long.toString(m.senderPid()));
		case TARGET -> CaptureJsonLines.hex(m.target());
		// dwData and cbData are COPYDATASTRUCT's: another message has none, not zeros
		case DW_DATA -> !m.isCopyData() ? "" //$NON-NLS-1$
				: NLS.bind(Messages.Column_DwDataValue, CaptureJsonLines.hex(m.dwData()), Long.toUnsignedString(m.dwData()));
		case CB_DATA -> !m.isCopyData() ? "" //$NON-NLS-1$
				: m.isTruncated()
				? NLS.bind(Messages.Column_Truncated, Long.toString(m.cbData()), Integer.toString(m.payload().length))
				: Long.toString(m.cbData());
		case RESULT -> m.result() == CapturedMessage.UNKNOWN_RESULT ? "" : Long.toString(m.result()); //$NON-NLS-1$
		case PREVIEW -> PayloadDecoding.preview(m.payload(), PREVIEW_CHARS);
		case MESSAGE -> NLS.bind(m.kind() == CapturedMessage.Kind.POSTED ? Messages.Column_MessagePosted
				: Messages.Column_MessageSent, Printable.escape(m.displayName()));
		case W_PARAM -> NLS.bind(Messages.Column_DwDataValue, CaptureJsonLines.hex(m.wParam()),
				Long.toUnsignedString(m.wParam()));
		case L_PARAM -> NLS.bind(Messages.Column_DwDataValue, CaptureJsonLines.hex(m.lParam()),
				Long.toUnsignedString(m.lParam()));
		};
	}

	/** The order the table shows the columns in: what a message is before WM_COPYDATA's own fields. */
	static int[] displayOrder() {
		MessageColumn[] order = { SEQUENCE, TIME, MESSAGE, W_PARAM, L_PARAM, SENDER, TARGET, RESULT, DW_DATA, CB_DATA,
				PREVIEW };
		int[] indices = new int[order.length];
		for (int i = 0; i < order.length; i++) {
			indices[i] = order[i].ordinal();
		}
		return indices;
	}

	/** @return the local time of day to the microsecond */
	static String time(long micros) {
		return CaptureTime.of(micros);
	}
}
