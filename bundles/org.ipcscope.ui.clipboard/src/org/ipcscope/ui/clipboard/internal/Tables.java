package org.ipcscope.ui.clipboard.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.ipcscope.core.clipboard.ClipboardContent;
import org.ipcscope.core.clipboard.ClipboardDecoders;
import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ClipboardWindow;
import org.ipcscope.core.text.Printable;

/** The view's two tables: the formats of one snapshot, and the recorded history. */
final class Tables {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault()); //$NON-NLS-1$
	private static final int PREVIEW = 80;

	private Tables() {
	}

	static TableViewer formats(Composite parent) {
		TableViewer viewer = viewer(parent, SWT.MULTI);
		column(viewer, Messages.Column_Id, 70, f -> Long.toString(((ClipboardFormat) f).id()));
		column(viewer, Messages.Column_Name, 200, f -> Printable.escape(((ClipboardFormat) f).name()));
		column(viewer, Messages.Column_Size, 80, f -> size((ClipboardFormat) f));
		column(viewer, Messages.Column_Content, 360, f -> content((ClipboardFormat) f));
		return viewer;
	}

	static TableViewer history(Composite parent) {
		TableViewer viewer = viewer(parent, SWT.SINGLE);
		column(viewer, Messages.Column_Time, 100, s -> TIME.format(Instant.EPOCH.plusNanos(((ClipboardSnapshot) s).timeMicros() * 1000)));
		column(viewer, Messages.Column_Sequence, 80, s -> sequence((ClipboardSnapshot) s));
		column(viewer, Messages.Column_Owner, 220, s -> owner(((ClipboardSnapshot) s).owner()));
		column(viewer, Messages.Column_Formats, 260, s -> formatList((ClipboardSnapshot) s));
		column(viewer, Messages.Column_Text, 260, s -> text((ClipboardSnapshot) s));
		return viewer;
	}

	private static TableViewer viewer(Composite parent, int selection) {
		TableViewer viewer = new TableViewer(parent, selection | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer;
	}

	private static void column(TableViewer viewer, String title, int width, Function<Object, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply(element);
			}
		});
	}

	static String size(ClipboardFormat f) {
		return f.size() < 0 ? Messages.View_Unknown : Long.toString(f.size());
	}

	static String content(ClipboardFormat f) {
		ClipboardContent content = ClipboardDecoders.decode(f);
		if (content == null) {
			return Printable.escape(f.note().isEmpty() ? Messages.View_NotRead : f.note());
		}
		if (content.kind().equals("hex") || content.kind().equals("image")) { //$NON-NLS-1$ //$NON-NLS-2$
			return Printable.escape(content.summary());
		}
		return Printable.escape(content.summary() + ": " + preview(content.text())); //$NON-NLS-1$
	}

	static String owner(ClipboardWindow w) {
		if (w == null) {
			return Messages.View_NoOwner;
		}
		return NLS.bind(Messages.Tables_Window, new Object[] { "0x" + Long.toHexString(w.handle()), //$NON-NLS-1$
				w.pid() < 0 ? Messages.View_Unknown : Long.toString(w.pid()),
				w.process().isEmpty() ? "" : " " + Printable.escape(w.process()) }); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String sequence(ClipboardSnapshot s) {
		return s.sequence() < 0 ? Messages.View_Unknown : Long.toUnsignedString(s.sequence());
	}

	private static String formatList(ClipboardSnapshot s) {
		StringBuilder out = new StringBuilder();
		for (ClipboardFormat f : s.formats()) {
			out.append(out.isEmpty() ? "" : ", ").append(Printable.escape(f.name())); //$NON-NLS-1$ //$NON-NLS-2$
			if (f.size() >= 0) {
				out.append(" (").append(f.size()).append(')'); //$NON-NLS-1$
			}
		}
		return out.toString();
	}

	/** The first format that decoded as text, for the history's one line. */
	private static String text(ClipboardSnapshot s) {
		for (ClipboardFormat f : s.formats()) {
			ClipboardContent content = ClipboardDecoders.decode(f);
			if (content != null && content.kind().equals("text")) { //$NON-NLS-1$
				return Printable.escape(preview(content.text()));
			}
		}
		return s.problem() == null ? "" : Printable.escape(s.problem()); //$NON-NLS-1$
	}

	private static String preview(String text) {
		return text.length() > PREVIEW ? text.substring(0, PREVIEW) + "..." : text; //$NON-NLS-1$
	}
}
