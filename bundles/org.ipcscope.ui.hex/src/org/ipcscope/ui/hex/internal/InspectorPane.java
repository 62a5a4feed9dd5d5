package org.ipcscope.ui.hex.internal;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.ipcscope.core.hex.DataInspector;
import org.ipcscope.core.hex.InspectorRow;

/** The data inspector: the bytes at the caret read as every type, little- and big-endian side by side. */
final class InspectorPane {

	private final Composite control;
	private final Label title;
	private final TableViewer viewer;

	InspectorPane(Composite parent) {
		control = new Composite(parent, SWT.NONE);
		control.setLayout(new GridLayout(1, false));
		title = new Label(control, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
		Composite tableHolder = new Composite(control, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tableHolder);
		TableColumnLayout layout = new TableColumnLayout();
		tableHolder.setLayout(layout);
		viewer = new TableViewer(tableHolder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(layout, Messages.Inspector_Type, 30, InspectorRow::type);
		column(layout, Messages.Inspector_LittleEndian, 45, InspectorRow::littleEndian);
		column(layout, Messages.Inspector_BigEndian, 45, InspectorRow::bigEndian);
		title.setText(Messages.Inspector_Empty);
	}

	private interface Cell {
		String text(InspectorRow row);
	}

	private void column(TableColumnLayout layout, String name, int weight, Cell cell) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(name);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return cell.text((InspectorRow) element);
			}
		});
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
	}

	Composite control() {
		return control;
	}

	void show(long offset, Frame.Inspected bytes, boolean absolute, long base) {
		title.setText(NLS.bind(Messages.Inspector_Title, HexEditor.formatOffset(absolute ? base + offset : offset)));
		List<InspectorRow> rows = DataInspector.decode(bytes.bytes(), bytes.unreadable());
		viewer.setInput(rows);
	}

	/** @return the rows shown, for tests */
	@SuppressWarnings("unchecked")
	List<InspectorRow> rows() {
		Object input = viewer.getInput();
		return input == null ? List.of() : (List<InspectorRow>) input;
	}
}
