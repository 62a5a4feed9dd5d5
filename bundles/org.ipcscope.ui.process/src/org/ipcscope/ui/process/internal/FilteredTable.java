package org.ipcscope.ui.process.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * A table of rows with a filter box above it: a row stays when any column's text contains what
 * was typed, ignoring case. Rows for which {@code emphasized} holds are bold.
 */
public final class FilteredTable<T> {

	private final Text filterText;
	private final TableViewer viewer;
	private final List<Column<T>> columns;
	private String filter = ""; //$NON-NLS-1$

	FilteredTable(Composite parent, String filterHint, List<Column<T>> columns, Predicate<T> emphasized) {
		this.columns = columns;
		Composite area = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = layout.marginHeight = 0;
		area.setLayout(layout);
		filterText = new Text(area, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(filterHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		Composite tableArea = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tableArea);
		TableColumnLayout columnLayout = new TableColumnLayout();
		tableArea.setLayout(columnLayout);
		viewer = new TableViewer(tableArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		GC gc = new GC(viewer.getTable());
		int charWidth = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth());
		gc.dispose();
		for (Column<T> column : columns) {
			TableViewerColumn viewerColumn = new TableViewerColumn(viewer, column.rightAligned() ? SWT.RIGHT : SWT.LEFT);
			viewerColumn.getColumn().setText(column.title());
			columnLayout.setColumnData(viewerColumn.getColumn(), new ColumnPixelData(column.chars() * charWidth + 12, true));
			viewerColumn.setLabelProvider(new ColumnLabelProvider() {
				@Override
				public String getText(Object element) {
					return column.text().apply(cast(element));
				}

				@Override
				public Font getFont(Object element) {
					return emphasized.test(cast(element)) ? bold : null;
				}
			});
		}
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer ignored, Object parentElement, Object element) {
				return matches(cast(element));
			}
		});
		filterText.addModifyListener(e -> {
			filter = filterText.getText().strip().toLowerCase(Locale.ROOT);
			viewer.refresh();
		});
	}

	@SuppressWarnings("unchecked")
	private T cast(Object element) {
		return (T) element;
	}

	private boolean matches(T row) {
		if (filter.isEmpty()) {
			return true;
		}
		for (Column<T> column : columns) {
			if (column.text().apply(row).toLowerCase(Locale.ROOT).contains(filter)) {
				return true;
			}
		}
		return false;
	}

	void setRows(List<T> rows) {
		viewer.setInput(rows);
	}

	TableViewer viewer() {
		return viewer;
	}

	Text filterText() {
		return filterText;
	}

	Composite control() {
		return filterText.getParent();
	}

	/** @return the rows that pass the filter, in the order shown */
	public List<T> shownRows() {
		return java.util.Arrays.stream(viewer.getTable().getItems()).map(item -> cast(item.getData())).toList();
	}
}
