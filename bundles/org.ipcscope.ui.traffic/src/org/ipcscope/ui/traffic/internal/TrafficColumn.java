package org.ipcscope.ui.traffic.internal;

import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.ipcscope.core.text.Printable;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.ui.sniff.internal.CaptureColumn;
import org.ipcscope.ui.sniff.internal.CaptureTime;
import org.ipcscope.ui.sniff.internal.PayloadDecoding;

/** The columns of the traffic table and the text of each for a record. */
enum TrafficColumn implements CaptureColumn {
	SEQUENCE(Messages.Column_Sequence, 6, SWT.RIGHT),
	TIME(Messages.Column_Time, 15, SWT.LEFT),
	PROCESS(Messages.Column_Process, 16, SWT.LEFT),
	OP(Messages.Column_Op, 14, SWT.LEFT),
	CALL(Messages.Column_Call, 10, SWT.LEFT),
	HANDLE(Messages.Column_Handle, 10, SWT.RIGHT),
	OBJECT(Messages.Column_Object, 24, SWT.LEFT),
	SIZE(Messages.Column_Size, 14, SWT.RIGHT),
	PREVIEW(Messages.Column_Preview, 40, SWT.LEFT);

	private final Layout layout;

	TrafficColumn(String title, int chars, int alignment) {
		layout = new Layout(title, chars, alignment);
	}

	@Override
	public Layout layout() {
		return layout;
	}

	/** @param names process names by pid, where known */
	String text(TrafficRecord r, Map<Long, String> names) {
		return switch (this) {
		case SEQUENCE -> Long.toString(r.sequence());
		case TIME -> CaptureTime.of(r.timeMicros());
		case PROCESS -> process(r.pid(), names);
		case OP -> r.failed() ? NLS.bind(Messages.Column_Failed, r.op().id(), shown(String.valueOf(r.error())))
				: r.op().id();
		case CALL -> shown(r.call());
		case HANDLE -> handle(r);
		case OBJECT -> r.object() == null ? "" : shown(r.object()); //$NON-NLS-1$
		case SIZE -> r.isTruncated() ? NLS.bind(Messages.Column_SizeCut, r.transferred(), r.payload().length)
				: r.op().direction() == org.ipcscope.core.traffic.TrafficOp.Direction.NONE && r.transferred() == 0 ? "" //$NON-NLS-1$
						: Long.toString(r.transferred());
		case PREVIEW -> PayloadDecoding.preview(r.payload(), PREVIEW_CHARS);
		};
	}

	/**
	 * @return the text as it is when every character shows (a Windows name keeps its single
	 *         backslashes), else escaped whole by {@link Printable} so that nothing hides
	 */
	static String shown(String text) {
		return text.codePoints().allMatch(Printable::isVisible) ? text : Printable.escape(text);
	}

	static String process(long pid, Map<Long, String> names) {
		String name = names.get(pid);
		return name == null ? Long.toString(pid) : shown(name) + " (" + pid + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a descriptor in decimal, a Windows handle in hex as Windows tools show it */
	static String handle(TrafficRecord r) {
		return r.handleKind() == TrafficRecord.HandleKind.FD ? Long.toString(r.handle())
				: "0x" + Long.toHexString(r.handle()); //$NON-NLS-1$
	}
}
