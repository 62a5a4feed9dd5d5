package org.ipcscope.ui.sniff.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.IBaseLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * The rows a {@link CaptureLog} shows, in a virtual table: only the rows on screen are asked
 * for (a lazy content provider) and formatted (the view's label provider), so a capture of any
 * length costs the table what a screenful costs. UI thread only.
 *
 * @param <T> what a row is
 */
public final class CaptureTable<T> {

	private final CaptureLog<T> log;
	private final TableViewer viewer;
	/**
	 * The first entry selected when the user last selected: what a rebuild keeps selected. Rows
	 * cannot say it then, as a new filter or the bound has moved them already.
	 */
	private T anchor;

	public CaptureTable(Composite parent, CaptureLog<T> log, CaptureColumn[] columns, IBaseLabelProvider labels) {
		this.log = log;
		viewer = new TableViewer(parent,
				SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GC gc = new GC(table);
		int charWidth;
		try {
			charWidth = gc.textExtent("0").x; //$NON-NLS-1$
		} finally {
			gc.dispose();
		}
		for (CaptureColumn column : columns) {
			TableColumn tableColumn = new TableColumn(table, column.layout().alignment());
			tableColumn.setText(column.layout().title());
			tableColumn.setWidth(column.layout().chars() * charWidth + 12);
		}
		viewer.setContentProvider(new ILazyContentProvider() {
			@Override
			public void updateElement(int index) {
				if (index < log.shownCount()) {
					viewer.replace(log.shown(index), index);
				}
			}

			@Override
			public void inputChanged(Viewer v, Object oldInput, Object newInput) {
				// the log is the one input, for the view's life
			}
		});
		viewer.setLabelProvider(labels);
		viewer.setInput(log);
		viewer.setItemCount(0);
		table.addListener(SWT.Selection, e -> anchor = selected());
	}

	public TableViewer viewer() {
		return viewer;
	}

	public Table table() {
		return viewer.getTable();
	}

	/** Grows the table to the shown count, following the end if the user was looking at it. */
	public void showNewRows() {
		Table table = viewer.getTable();
		int before = table.getItemCount();
		int now = log.shownCount();
		if (now < before) {
			// a bounded log let the oldest rows go: every row moved up
			reshow();
			return;
		}
		int visible = Math.max(1, table.getClientArea().height / Math.max(1, table.getItemHeight()));
		boolean follow = before == 0 || table.getTopIndex() + visible >= before;
		viewer.setItemCount(now);
		if (follow && now > before && table.getSelectionCount() == 0) {
			table.setTopIndex(Math.max(0, now - visible));
		}
	}

	/** Rebuilds the rows after a filter change or a clear, keeping the first selected entry selected if it is still shown. */
	public void reshow() {
		Table table = viewer.getTable();
		T kept = anchor;
		table.deselectAll();
		table.clearAll();
		viewer.setItemCount(log.shownCount());
		int row = kept == null ? -1 : log.rowOf(kept);
		if (row >= 0) {
			table.setSelection(row);
		} else {
			// shrinking may have moved the selection to another row
			table.deselectAll();
			anchor = null;
		}
	}

	/** @return the first selected entry, or null */
	public T selected() {
		List<T> selected = selectedEntries();
		return selected.isEmpty() ? null : selected.get(0);
	}

	/** @return the selected entries in table order */
	public List<T> selectedEntries() {
		int[] rows = viewer.getTable().getSelectionIndices();
		Arrays.sort(rows);
		List<T> selected = new ArrayList<>(rows.length);
		for (int row : rows) {
			if (row < log.shownCount()) {
				selected.add(log.shown(row));
			}
		}
		return selected;
	}
}
